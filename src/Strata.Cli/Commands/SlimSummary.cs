using System.Text.Json;
using Strata.Images.Model;

namespace Strata.Cli.Commands;

/// <summary>
/// One opted-in removal's total: its reason (caches, docs, locales, --remove GLOB), the paths and the stored bytes it
/// freed, and how many of the paths a new whiteout hides over the base layers (whose copies stay stored there).
/// </summary>
internal sealed record RemovalTotal(string Reason, long Bytes, IReadOnlyList<string> Paths, int WhitedOut);

/// <summary>What <c>strata slim</c> did, measured on the source and on the written output as read back.</summary>
internal sealed record SlimSummary(
    string Source,
    string Destination,
    bool DryRun,
    Digest ManifestDigest,
    long CompressedBefore,
    long CompressedAfter,
    long UncompressedBefore,
    long UncompressedAfter,
    long DeadBytesBefore,
    long DeadBytesAfter,
    long DeadBytesLeftInBase,
    int LayersBefore,
    int LayersAfter,
    int BaseLayers,
    IReadOnlyList<int> LayersDropped,
    IReadOnlyList<RemovalTotal> Removals)
{
    public void WriteJson(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("source", Source);
        json.WriteString("destination", Destination);
        json.WriteBoolean("dryRun", DryRun);
        json.WriteString("manifestDigest", ManifestDigest.ToString());
        Pair(json, "compressedSize", CompressedBefore, CompressedAfter);
        Pair(json, "uncompressedSize", UncompressedBefore, UncompressedAfter);
        Pair(json, "deadBytes", DeadBytesBefore, DeadBytesAfter);
        json.WriteNumber("deadBytesLeftInBase", DeadBytesLeftInBase);
        json.WriteStartObject("layers");
        json.WriteNumber("before", LayersBefore);
        json.WriteNumber("after", LayersAfter);
        json.WriteNumber("base", BaseLayers);
        json.WriteStartArray("dropped");
        foreach (var layer in LayersDropped)
        {
            json.WriteNumberValue(layer);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("removals");
        foreach (var removal in Removals)
        {
            json.WriteStartObject();
            json.WriteString("reason", removal.Reason);
            json.WriteNumber("bytes", removal.Bytes);
            json.WriteNumber("whitedOutOverBase", removal.WhitedOut);
            json.WriteStartArray("paths");
            foreach (var path in removal.Paths)
            {
                json.WriteStringValue("/" + path);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.Write("\n"u8);
    }

    private static void Pair(Utf8JsonWriter json, string name, long before, long after)
    {
        json.WriteStartObject(name);
        json.WriteNumber("before", before);
        json.WriteNumber("after", after);
        json.WriteEndObject();
    }
}
