using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Fuzz;

/// <summary>Writes a built image as an OCI layout or a docker archive, with hooks for breaking the files around the blobs.</summary>
internal static class ImageFormats
{
    public const string Tag = "fuzz";

    public static JsonObject Index(BuiltImage image) => new()
    {
        ["schemaVersion"] = 2,
        ["mediaType"] = "application/vnd.oci.image.index.v1+json",
        ["manifests"] = new JsonArray(new JsonObject
        {
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["digest"] = image.ManifestDigest,
            ["size"] = image.Manifest.Length,
            ["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = Tag },
        }),
    };

    /// <summary>Writes blobs under blobs/ALGORITHM/HEX, skipping digests that are no path a layout could hold.</summary>
    public static void WriteOciLayout(BuiltImage image, string directory, byte[]? index = null, byte[]? ociLayout = null)
    {
        foreach (var (digest, bytes) in image.Blobs)
        {
            var parts = digest.Split(':');
            if (parts.Length != 2 || parts.Any(p => p.Length == 0 || p.Contains('/', StringComparison.Ordinal) || p.Contains("..", StringComparison.Ordinal)))
            {
                continue;
            }
            var folder = Path.Combine(directory, "blobs", parts[0]);
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, parts[1]), bytes);
        }
        File.WriteAllBytes(Path.Combine(directory, "oci-layout"), ociLayout ?? """{"imageLayoutVersion":"1.0.0"}"""u8.ToArray());
        File.WriteAllBytes(Path.Combine(directory, "index.json"), index ?? Encoding.UTF8.GetBytes(Index(image).ToJsonString()));
    }

    public static JsonArray DockerManifest(BuiltImage image) => new(new JsonObject
    {
        ["Config"] = $"{Hex(image.ConfigName)}.json",
        ["RepoTags"] = new JsonArray($"fuzz:{Tag}"),
        ["Layers"] = new JsonArray([.. image.LayerDigests.Select(d => JsonValue.Create($"{Hex(d)}/layer.tar"))]),
    });

    /// <summary>The classic <c>docker save</c> layout: HEX.json, HEX/layer.tar, manifest.json.</summary>
    public static void WriteDockerArchive(BuiltImage image, string path, byte[]? manifestJson = null)
    {
        using var output = File.Create(path);
        using var writer = new TarWriter(output, TarEntryFormat.Pax);
        void Add(string name, byte[] bytes) => writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
        Add($"{Hex(image.ConfigName)}.json", image.Config);
        foreach (var digest in image.LayerDigests.Distinct(StringComparer.Ordinal))
        {
            if (image.Blobs.TryGetValue(digest, out var bytes))
            {
                Add($"{Hex(digest)}/layer.tar", bytes);
            }
        }
        Add("manifest.json", manifestJson ?? Encoding.UTF8.GetBytes(DockerManifest(image).ToJsonString()));
    }

    public static string Hex(string digest) => digest[(digest.IndexOf(':', StringComparison.Ordinal) + 1)..];

    public static string PackFolder(string folder, string tarPath) => TarArchive.Pack(folder, tarPath);
}
