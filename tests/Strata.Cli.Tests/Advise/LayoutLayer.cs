using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Advise;

/// <summary>Reads one layer of a shared fixture image straight from its OCI layout with .NET's own tar reader, as an independent measure.</summary>
internal static class LayoutLayer
{
    /// <summary>The sizes of the regular files in layer <paramref name="index"/> of the image tagged <paramref name="tag"/>, by path.</summary>
    public static Dictionary<string, long> Files(string tag, int index)
    {
        var layout = Fixtures.OciLayout;
        using var indexJson = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(layout, "index.json")));
        var manifestDigest = indexJson.RootElement.GetProperty("manifests").EnumerateArray()
            .Single(m => m.GetProperty("annotations").GetProperty("org.opencontainers.image.ref.name").GetString() == tag)
            .GetProperty("digest").GetString()!;
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Blob(layout, manifestDigest)));
        var layer = manifest.RootElement.GetProperty("layers")[index];
        using var blob = File.OpenRead(Blob(layout, layer.GetProperty("digest").GetString()!));
        using var tar = new TarReader(layer.GetProperty("mediaType").GetString()!.EndsWith("gzip", StringComparison.Ordinal) ? new GZipStream(blob, CompressionMode.Decompress) : blob);
        var files = new Dictionary<string, long>(StringComparer.Ordinal);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
            {
                files["/" + entry.Name.TrimStart('.', '/')] = entry.Length;
            }
        }
        return files;
    }

    private static string Blob(string layout, string digest) => Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]);
}
