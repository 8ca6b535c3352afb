using System.Text.Encodings.Web;
using System.Text.Json;
using Strata.Images.Output;

namespace Strata.Vulnerabilities.Scanning;

/// <summary>
/// A scan as JSON: <c>{"image": {...}, "findings": [...]}</c>. Every finding is listed, suppressed ones too (marked
/// <c>suppressed</c>, with the VEX statement's justification), in the report's order.
/// </summary>
public static class ScanJsonWriter
{
    public static void Write(ScanReport report, Stream output)
    {
        // Indented, with '+' and non-ASCII as they are, so purls and versions read as other tools write them.
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        WriteImage(json, report.Target);
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            WriteFinding(json, finding);
            json.FlushIfFull();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteImage(Utf8JsonWriter json, ScanTarget target)
    {
        json.WriteStartObject("image");
        json.WriteString("name", target.Name);
        json.WriteString("manifestDigest", target.ManifestDigest);
        json.WriteString("configDigest", target.ConfigDigest);
        json.WriteString("platform", target.Platform);
        if (target.Os is { } os)
        {
            json.WriteStartObject("os");
            json.WriteString("id", os.Id);
            json.WriteString("versionId", os.VersionId);
            json.WriteString("prettyName", os.PrettyName);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("os");
        }
        json.WriteStartObject("baseImage");
        if (target.BaseLayers is { } layers)
        {
            json.WriteNumber("layers", layers);
        }
        else
        {
            json.WriteNull("layers");
        }
        json.WriteString("name", target.BaseName);
        json.WriteString("digest", target.BaseDigest);
        json.WriteString("source", target.BaseSource);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, ScanFinding placed)
    {
        var finding = placed.Finding;
        json.WriteStartObject();
        json.WriteString("id", finding.Id);
        json.WriteStringArray("aliases", finding.Aliases);
        json.WriteString("package", finding.Package.Name);
        json.WriteString("version", finding.Package.Version);
        json.WriteString("purl", finding.Package.Purl);
        json.WriteString("ecosystem", finding.Ecosystem);
        json.WriteStringArray("fixedVersions", finding.FixedVersions);
        json.WriteString("severity", SeverityNames.Of(finding.Severity.Level));
        if (finding.Severity.Score is { } score)
        {
            json.WriteNumber("score", score);
        }
        else
        {
            json.WriteNull("score");
        }
        json.WriteString("severitySource", finding.Severity.Source);
        if (finding.Severity.Vector is { } vector)
        {
            json.WriteString("vector", vector);
        }
        json.WriteString("path", placed.Path);
        if (placed.LayerIndex is { } layer)
        {
            json.WriteNumber("layerIndex", layer);
        }
        else
        {
            json.WriteNull("layerIndex");
        }
        json.WriteString("layerCommand", placed.LayerCommand);
        json.WriteBoolean("inBaseImage", placed.InBaseImage);
        json.WriteBoolean("suppressed", placed.Suppression is not null);
        if (placed.Suppression is { } suppression)
        {
            json.WriteString("justification", suppression.Justification);
            json.WriteString("vexStatus", suppression.Status);
            if (suppression.ImpactStatement is { } impact)
            {
                json.WriteString("impactStatement", impact);
            }
            json.WriteString("vexDocument", suppression.Document);
        }
        if (finding.Summary is { } summary)
        {
            json.WriteString("summary", summary);
        }
        json.WriteStringArray("references", finding.References);
        json.WriteEndObject();
    }
}
