using System.Text.Encodings.Web;
using System.Text.Json;
using Strata.Images.Output;
using Strata.Analysis.Model;
using Strata.Dockerfile.Advice;
using Strata.Vulnerabilities.Scanning;

namespace Strata.Cli.Report;

/// <summary>
/// The report's one JSON block: what the page renders from. Every string from the image (paths, labels, commands,
/// package names) reaches the page only here, and the writer escapes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes
/// and every non-ASCII character (U+2028 and U+2029 among them) as <c>\uXXXX</c>, so no content can end the
/// script element that holds the block or start a comment in it.
/// </summary>
internal static class ReportData
{
    /// <summary>Bounds on the lists, so a huge image still gives a light page; each list carries its full count.</summary>
    public const int DeadFileRows = 1_000;

    public const int InefficientFileRows = 500;

    public const int DuplicateGroups = 500;

    public const int PathsPerRow = 20;

    public const int PackageRows = 20_000;

    public static readonly JsonWriterOptions WriterOptions = new()
    {
        // The default encoder, named so no one swaps in UnsafeRelaxedJsonEscaping: it escapes < > & ' " + ` and all non-ASCII.
        Encoder = JavaScriptEncoder.Default,
        Indented = false,
    };

    public static void Write(ReportInput input, Stream output)
    {
        using var json = new Utf8JsonWriter(output, WriterOptions);
        var assessment = input.Assessment;
        var analysis = assessment.Analysis;
        json.WriteStartObject();
        json.WriteNumber("version", 1);
        WriteImage(json, input);
        ReportSummary.Write(json, input);
        WriteLayers(json, input);
        json.WritePropertyName("map");
        var map = SizeMapBuilder.Write(json, SizeMapBuilder.Build(analysis), input.MapNodeBudget);
        WriteWaste(json, input);
        WriteDuplicates(json, analysis);
        WriteAdvice(json, assessment.Advice.Findings);
        ReportPackages.Write(json, assessment.Sbom, assessment.Vulnerabilities);
        ReportPolicy.Write(json, input.Policy);
        json.WriteStartObject("limits");
        json.WriteNumber("mapNodeBudget", map.NodeBudget);
        json.WriteNumber("mapNodes", map.Nodes);
        json.WriteNumber("mapClosedFolders", map.ClosedFolders);
        json.WriteNumber("mapGroupedFiles", map.GroupedFiles);
        json.WriteNumber("changeRowsPerKind", LayerChanges.RowsPerKind);
        json.WriteNumber("deadFileRows", DeadFileRows);
        json.WriteNumber("inefficientFileRows", InefficientFileRows);
        json.WriteNumber("duplicateGroups", DuplicateGroups);
        json.WriteNumber("pathsPerRow", PathsPerRow);
        json.WriteNumber("packageRows", PackageRows);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteImage(Utf8JsonWriter json, ReportInput input)
    {
        var assessment = input.Assessment;
        var analysis = assessment.Analysis;
        json.WriteStartObject("image");
        json.WriteString("name", analysis.Name);
        json.WriteString("manifestDigest", analysis.ManifestDigest?.ToString());
        json.WriteString("configDigest", analysis.ConfigDigest.ToString());
        json.WriteString("platform", analysis.Platform.ToString());
        json.WriteString("os", assessment.Sbom.Os is { } os ? os.PrettyName ?? os.Distro : null);
        json.WriteString("baseName", assessment.Base.Name);
        if (assessment.Base.Layers is { } baseLayers)
        {
            json.WriteNumber("baseLayers", baseLayers);
        }
        else
        {
            json.WriteNull("baseLayers");
        }
        json.WriteString("generator", input.Generator);
        json.WriteEndObject();
    }

    private static void WriteLayers(Utf8JsonWriter json, ReportInput input)
    {
        var analysis = input.Assessment.Analysis;
        var killedBy = analysis.DeadFiles.ToLookup(d => d.KilledBy);
        json.WriteStartArray("layers");
        foreach (var layer in analysis.Layers)
        {
            json.WriteStartObject();
            json.WriteNumber("index", layer.Index);
            json.WriteString("digest", layer.Digest.ToString());
            json.WriteString("command", layer.CreatedBy ?? "");
            json.WriteNumber("sizeBytes", layer.SizeBytes);
            json.WriteNumber("compressedBytes", layer.CompressedSize);
            json.WriteNumber("deadBytes", layer.DeadBytes);
            WriteLine(json, input.Lines.Layer(layer.Index));
            json.WriteBoolean("base", input.Assessment.Base.Contains(layer.Index));
            LayerChanges.Write(json, layer, killedBy[layer.Index].ToList());
            json.WriteEndObject();
            json.FlushIfFull();
        }
        json.WriteEndArray();
    }

    private static void WriteWaste(Utf8JsonWriter json, ReportInput input)
    {
        var analysis = input.Assessment.Analysis;
        json.WriteStartObject("waste");
        json.WriteNumber("inefficientCount", analysis.Dive.InefficientFiles.Count);
        json.WriteStartArray("inefficient");
        foreach (var file in analysis.Dive.InefficientFiles.OrderByDescending(f => f.CumulativeSize).Take(InefficientFileRows))
        {
            json.WriteStartObject();
            json.WriteString("path", file.Path.StartsWith('/') ? file.Path : "/" + file.Path);
            json.WriteNumber("count", file.Count);
            json.WriteNumber("bytes", file.CumulativeSize);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("deadCount", analysis.DeadFiles.Count);
        json.WriteStartArray("dead");
        foreach (var dead in analysis.DeadFiles.OrderByDescending(d => d.Size).ThenBy(d => d.Path, StringComparer.Ordinal).Take(DeadFileRows))
        {
            json.WriteStartObject();
            json.WriteString("path", "/" + dead.Path);
            json.WriteNumber("bytes", dead.Size);
            json.WriteNumber("storedIn", dead.StoredIn);
            json.WriteNumber("killedBy", dead.KilledBy);
            json.WriteString("cause", JsonNamingPolicy.CamelCase.ConvertName(dead.Cause.ToString()));
            WriteLine(json, input.Lines.Layer(dead.StoredIn));
            json.WriteEndObject();
            json.FlushIfFull();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDuplicates(Utf8JsonWriter json, ImageAnalysis analysis)
    {
        json.WriteStartObject("duplicates");
        json.WriteNumber("count", analysis.Duplicates.Count);
        json.WriteStartArray("groups");
        foreach (var group in analysis.Duplicates.OrderByDescending(g => g.WastedBytes).Take(DuplicateGroups))
        {
            json.WriteStartObject();
            json.WriteNumber("size", group.Size);
            json.WriteNumber("bytes", group.WastedBytes);
            WritePaths(json, group.Paths.Select(p => "/" + p.TrimStart('/')).ToList());
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteAdvice(Utf8JsonWriter json, IReadOnlyList<Advice> findings)
    {
        json.WriteStartArray("advice");
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("id", finding.Id);
            json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
            json.WriteString("title", finding.Title);
            json.WriteString("message", finding.Message);
            json.WriteString("fix", finding.Fix);
            WriteLine(json, finding.Line);
            WriteNumber(json, "layer", finding.LayerIndex);
            WriteNumber(json, "bytes", finding.Bytes);
            WritePaths(json, finding.Paths);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public static void WritePaths(Utf8JsonWriter json, IReadOnlyList<string> paths)
    {
        json.WriteNumber("pathCount", paths.Count);
        json.WriteStartArray("paths");
        foreach (var path in paths.Take(PathsPerRow))
        {
            json.WriteStringValue(path);
        }
        json.WriteEndArray();
    }

    private static void WriteLine(Utf8JsonWriter json, int? line) => WriteNumber(json, "line", line);

    public static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
