using System.Text.Json;
using Strata.Analysis.Model;
using Strata.Images.Output;

namespace Strata.Analysis.Export;

/// <summary>
/// Writes dive's JSON export schema exactly (<c>layer</c>, <c>image</c>), plus Strata's own numbers under <c>strata</c>.
/// </summary>
public static class AnalysisJsonWriter
{
    public static void Write(ImageAnalysis analysis, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        WriteLayers(json, analysis);
        WriteImage(json, analysis.Dive);
        WriteStrata(json, analysis);
        json.WriteEndObject();
    }

    private static void WriteLayers(Utf8JsonWriter json, ImageAnalysis analysis)
    {
        json.WriteStartArray("layer");
        foreach (var layer in analysis.Layers)
        {
            json.WriteStartObject();
            json.WriteNumber("index", layer.Index);
            json.WriteString("id", layer.Digest.Hex);
            json.WriteString("digestId", layer.DiffId.ToString());
            json.WriteNumber("sizeBytes", layer.SizeBytes);
            json.WriteString("command", DiveCommand(layer.CreatedBy));
            json.WriteStartArray("fileList");
            foreach (var entry in layer.Entries)
            {
                json.WriteStartObject();
                json.WriteString("path", DivePath(entry));
                json.WriteNumber("typeFlag", entry.TypeFlag);
                json.WriteString("linkName", entry.LinkTarget ?? "");
                json.WriteNumber("size", entry.Size);
                json.WriteNumber("fileMode", GoFileMode.From(entry));
                json.WriteNumber("uid", entry.Uid);
                json.WriteNumber("gid", entry.Gid);
                json.WriteBoolean("isDir", entry.Kind == EntryKind.Directory);
                json.WriteEndObject();
                json.FlushIfFull();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteImage(Utf8JsonWriter json, DiveNumbers dive)
    {
        json.WriteStartObject("image");
        json.WriteNumber("sizeBytes", dive.SizeBytes);
        json.WriteNumber("inefficientBytes", dive.WastedBytes);
        json.WriteNumber("efficiencyScore", dive.Efficiency);
        json.WriteStartArray("fileReference");
        foreach (var file in dive.InefficientFiles)
        {
            json.WriteStartObject();
            json.WriteNumber("count", file.Count);
            json.WriteNumber("sizeBytes", file.CumulativeSize);
            json.WriteString("file", file.Path);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStrata(Utf8JsonWriter json, ImageAnalysis analysis)
    {
        json.WriteStartObject("strata");
        json.WriteNumber("deadBytes", analysis.DeadBytes);
        json.WriteNumber("liveBytes", analysis.LiveBytes);
        json.WriteNumber("userSizeBytes", analysis.Dive.UserSizeBytes);
        json.WriteNumber("userWastedPercent", analysis.Dive.UserWastedPercent);
        json.WriteNumber("duplicateBytes", analysis.DuplicateBytes);
        if (analysis.ManifestDigest is { } manifest)
        {
            json.WriteString("manifestDigest", manifest.ToString());
        }
        else
        {
            json.WriteNull("manifestDigest");
        }
        json.WriteString("configDigest", analysis.ConfigDigest.ToString());
        json.WriteString("platform", analysis.Platform.ToString());
        json.WriteStartArray("layers");
        foreach (var layer in analysis.Layers)
        {
            json.WriteStartObject();
            json.WriteNumber("index", layer.Index);
            json.WriteString("digest", layer.Digest.ToString());
            json.WriteString("diffId", layer.DiffId.ToString());
            json.WriteNumber("compressedSizeBytes", layer.CompressedSize);
            json.WriteNumber("sizeBytes", layer.SizeBytes);
            json.WriteNumber("deadBytes", layer.DeadBytes);
            json.WriteString("command", layer.CreatedBy ?? "");
            json.WriteString("source", JsonNamingPolicy.CamelCase.ConvertName(layer.Origin.ToString()));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("deadFiles");
        foreach (var dead in analysis.DeadFiles)
        {
            json.WriteStartObject();
            json.WriteString("path", "/" + dead.Path);
            json.WriteNumber("sizeBytes", dead.Size);
            json.WriteNumber("storedIn", dead.StoredIn);
            json.WriteNumber("killedBy", dead.KilledBy);
            json.WriteString("cause", JsonNamingPolicy.CamelCase.ConvertName(dead.Cause.ToString()));
            json.WriteEndObject();
            json.FlushIfFull();
        }
        json.WriteEndArray();
        json.WriteStartArray("duplicates");
        foreach (var group in analysis.Duplicates)
        {
            json.WriteStartObject();
            json.WriteNumber("sizeBytes", group.Size);
            json.WriteNumber("wastedBytes", group.WastedBytes);
            json.WriteStringArray("paths", group.Paths);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>dive shows a layer's command without the shell prefix Docker's classic builder adds.</summary>
    public static string DiveCommand(string? createdBy) =>
        (createdBy ?? "").StartsWith("/bin/sh -c ", StringComparison.Ordinal) ? createdBy![11..] : createdBy ?? "";

    /// <summary>dive lists entries under their tar names, whiteouts with their <c>.wh.</c> prefix.</summary>
    private static string DivePath(FileEntry entry)
    {
        switch (entry.Kind)
        {
            case EntryKind.Whiteout:
                var slash = entry.Path.LastIndexOf('/');
                return slash < 0 ? ".wh." + entry.Path : entry.Path[..(slash + 1)] + ".wh." + entry.Path[(slash + 1)..];
            case EntryKind.OpaqueWhiteout:
                return entry.Path.Length == 0 ? ".wh..wh..opq" : entry.Path + "/.wh..wh..opq";
            default:
                return entry.Path;
        }
    }
}
