using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Benchmarks;

/// <summary>
/// An OCI layout of N images that share the fixture <c>base</c> image's Debian layer (the very blob, linked, not
/// copied), each with one small layer of its own on top (an app folder and a package.json), tagged app-0 … app-N-1.
/// </summary>
internal static class SharedBaseImages
{
    public static string Create(string folder, int count)
    {
        var blobs = Path.Combine(folder, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        File.WriteAllText(Path.Combine(folder, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        var fixture = BenchmarkImages.FixtureLayout;
        var baseManifest = JsonNode.Parse(File.ReadAllBytes(FixtureBlob(fixture, ManifestDigest(fixture, "base"))))!;
        var baseLayer = baseManifest["layers"]![0]!;
        var baseConfigDigest = baseManifest["config"]!["digest"]!.GetValue<string>();
        var layerDigest = baseLayer["digest"]!.GetValue<string>();
        File.CreateSymbolicLink(Path.Combine(blobs, Hex(layerDigest)), FixtureBlob(fixture, layerDigest));
        var manifests = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var tar = new LayerBuilder()
                .Directory("app")
                .File("app/package.json", $$"""{"name": "app-{{i}}", "version": "1.0.{{i}}"}""")
                .File("app/server.js", $"console.log('app {i}');\n")
                .ToTar();
            var gzipped = Gzip(tar);
            var config = JsonNode.Parse(File.ReadAllBytes(FixtureBlob(fixture, baseConfigDigest)))!;
            config["rootfs"]!["diff_ids"]!.AsArray().Add(Digest(tar));
            config["history"]?.AsArray().Add(new JsonObject { ["created_by"] = $"COPY app-{i} /app" });
            var configBytes = Encoding.UTF8.GetBytes(config.ToJsonString());
            var manifest = new JsonObject
            {
                ["schemaVersion"] = 2,
                ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
                ["config"] = Descriptor("application/vnd.oci.image.config.v1+json", configBytes),
                ["layers"] = new JsonArray(baseLayer.DeepClone(), Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", gzipped)),
            };
            var manifestBytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
            foreach (var blob in new[] { gzipped, configBytes, manifestBytes })
            {
                File.WriteAllBytes(Path.Combine(blobs, Hex(Digest(blob))), blob);
            }
            var entry = Descriptor("application/vnd.oci.image.manifest.v1+json", manifestBytes);
            entry["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = $"app-{i}" };
            manifests.Add(entry);
        }
        File.WriteAllText(Path.Combine(folder, "index.json"), new JsonObject { ["schemaVersion"] = 2, ["manifests"] = manifests }.ToJsonString());
        return folder;
    }

    private static string ManifestDigest(string layout, string tag) =>
        JsonNode.Parse(File.ReadAllBytes(Path.Combine(layout, "index.json")))!["manifests"]!.AsArray()
            .First(m => m!["annotations"]?["org.opencontainers.image.ref.name"]?.GetValue<string>() == tag)!["digest"]!.GetValue<string>();

    private static string FixtureBlob(string layout, string digest) => Path.Combine(layout, "blobs", "sha256", Hex(digest));

    private static string Hex(string digest) => digest["sha256:".Length..];

    private static string Digest(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static JsonObject Descriptor(string mediaType, byte[] bytes) => new()
    {
        ["mediaType"] = mediaType,
        ["digest"] = Digest(bytes),
        ["size"] = bytes.Length,
    };

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }
        return buffer.ToArray();
    }
}
