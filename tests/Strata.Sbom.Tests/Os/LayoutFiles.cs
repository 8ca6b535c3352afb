using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Strata.Sbom.Tests.Os;

/// <summary>
/// Files of a tagged image in an OCI layout, read here with System.Formats.Tar (not through Strata's layer reader),
/// so that a test's expectations come from the image's own bytes. A later layer's file replaces an earlier one's.
/// </summary>
internal static class LayoutFiles
{
    public static Dictionary<string, string> Read(string layout, string tag, Func<string, bool> wanted)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(layout, "index.json")));
        var manifest = index.RootElement.GetProperty("manifests").EnumerateArray()
            .Single(m => m.TryGetProperty("annotations", out var a) && a.TryGetProperty("org.opencontainers.image.ref.name", out var name) && name.GetString() == tag);
        using var image = JsonDocument.Parse(File.ReadAllBytes(Blob(layout, manifest.GetProperty("digest").GetString()!)));
        foreach (var layer in image.RootElement.GetProperty("layers").EnumerateArray())
        {
            using var blob = File.OpenRead(Blob(layout, layer.GetProperty("digest").GetString()!));
            using var gzip = new GZipStream(blob, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                var path = entry.Name.TrimStart('.', '/');
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data && wanted(path))
                {
                    using var reader = new StreamReader(data, Encoding.UTF8);
                    files[path] = reader.ReadToEnd();
                }
            }
        }
        return files;
    }

    private static string Blob(string layout, string digest) => Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]);
}
