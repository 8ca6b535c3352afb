using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.TestKit;

public enum LayerCompression
{
    None,
    Gzip,
    Zstd,
}

/// <summary>
/// Writes a real OCI image layout (and, on request, a docker save archive) from hand-made layers, so tests can
/// cover cases no fixture has. Hooks let a test break one part on purpose.
/// </summary>
public sealed class OciImageBuilder
{
    private readonly List<(byte[] Tar, LayerCompression Compression, string CreatedBy)> _layers = [];

    public string Architecture { get; init; } = "amd64";

    public OciImageBuilder Layer(LayerBuilder layer, string createdBy = "", LayerCompression compression = LayerCompression.Gzip) =>
        Layer(layer.ToTar(), createdBy, compression);

    public OciImageBuilder Layer(byte[] tar, string createdBy = "", LayerCompression compression = LayerCompression.Gzip)
    {
        _layers.Add((tar, compression, createdBy));
        return this;
    }

    /// <summary>Changes the config JSON before it is written (drop history, break diff_ids, …).</summary>
    public Action<JsonObject>? EditConfig { get; init; }

    /// <summary>Changes a layer's stored bytes after its digest was taken (to make a digest mismatch, a truncation, …).</summary>
    public Func<int, byte[], byte[]>? EditBlob { get; init; }

    /// <summary>Writes an OCI layout into <paramref name="directory"/> with one image tagged <paramref name="tag"/>.</summary>
    public string WriteOciLayout(string directory, string tag = "latest")
    {
        var blobs = Path.Combine(directory, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        var (manifestBytes, stored) = Build();
        foreach (var (digest, bytes) in stored)
        {
            File.WriteAllBytes(Path.Combine(blobs, digest[7..]), bytes);
        }
        var manifestDigest = Sha256(manifestBytes);
        File.WriteAllBytes(Path.Combine(blobs, manifestDigest[7..]), manifestBytes);
        File.WriteAllText(Path.Combine(directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["manifests"] = new JsonArray(new JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
                ["digest"] = manifestDigest,
                ["size"] = manifestBytes.Length,
                ["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = tag },
            }),
        };
        File.WriteAllText(Path.Combine(directory, "index.json"), index.ToJsonString());
        return directory;
    }

    /// <summary>
    /// Writes an OCI layout whose tag points at an image index of several platforms; with <paramref name="nested"/>
    /// that index sits inside another one.
    /// </summary>
    public static string WriteMultiPlatformLayout(string directory, string tag, bool nested, params (OciImageBuilder Image, string Platform)[] images)
    {
        var blobs = Path.Combine(directory, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        string Store(byte[] bytes)
        {
            var digest = Sha256(bytes);
            File.WriteAllBytes(Path.Combine(blobs, digest[7..]), bytes);
            return digest;
        }
        var manifests = new JsonArray();
        foreach (var (image, platform) in images)
        {
            var (manifestBytes, stored) = image.Build();
            foreach (var (_, bytes) in stored)
            {
                Store(bytes);
            }
            var parts = platform.Split('/');
            var platformJson = new JsonObject { ["os"] = parts[0], ["architecture"] = parts[1] };
            if (parts.Length > 2)
            {
                platformJson["variant"] = parts[2];
            }
            manifests.Add(new JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
                ["digest"] = Store(manifestBytes),
                ["size"] = manifestBytes.Length,
                ["platform"] = platformJson,
            });
        }
        var indexBytes = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["manifests"] = manifests,
        }.ToJsonString());
        if (nested)
        {
            var innerDigest = Store(indexBytes);
            indexBytes = Encoding.UTF8.GetBytes(new JsonObject
            {
                ["schemaVersion"] = 2,
                ["mediaType"] = "application/vnd.oci.image.index.v1+json",
                ["manifests"] = new JsonArray(new JsonObject
                {
                    ["mediaType"] = "application/vnd.oci.image.index.v1+json",
                    ["digest"] = innerDigest,
                    ["size"] = indexBytes.Length,
                }),
            }.ToJsonString());
        }
        var topDigest = Store(indexBytes);
        File.WriteAllText(Path.Combine(directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        File.WriteAllText(Path.Combine(directory, "index.json"), new JsonObject
        {
            ["schemaVersion"] = 2,
            ["manifests"] = new JsonArray(new JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.index.v1+json",
                ["digest"] = topDigest,
                ["size"] = indexBytes.Length,
                ["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = tag },
            }),
        }.ToJsonString());
        return directory;
    }

    /// <summary>
    /// Writes what <c>docker save</c> writes for several images: with <paramref name="blobsLayout"/> the Docker 25+
    /// layout (<c>blobs/sha256</c>, <c>index.json</c>, <c>oci-layout</c> beside <c>manifest.json</c>), else the classic one.
    /// </summary>
    public static string WriteDockerArchive(string tarPath, bool blobsLayout, params (OciImageBuilder Image, string RepoTag)[] images)
    {
        using var output = File.Create(tarPath);
        using var writer = new System.Formats.Tar.TarWriter(output, System.Formats.Tar.TarEntryFormat.Pax);
        var written = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, byte[] bytes)
        {
            if (written.Add(name))
            {
                var entry = new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) };
                writer.WriteEntry(entry);
            }
        }
        var manifestJson = new JsonArray();
        var indexManifests = new JsonArray();
        foreach (var (image, repoTag) in images)
        {
            var (manifestBytes, stored) = image.Build();
            var (configDigest, configBytes) = stored[^1];
            var configName = blobsLayout ? $"blobs/sha256/{configDigest[7..]}" : $"{configDigest[7..]}.json";
            Add(configName, configBytes);
            var layers = new JsonArray();
            foreach (var (digest, bytes) in stored.Take(stored.Count - 1))
            {
                var name = blobsLayout ? $"blobs/sha256/{digest[7..]}" : $"{digest[7..]}/layer.tar";
                Add(name, bytes);
                layers.Add(name);
            }
            manifestJson.Add(new JsonObject { ["Config"] = configName, ["RepoTags"] = new JsonArray(repoTag), ["Layers"] = layers });
            if (blobsLayout)
            {
                var manifestDigest = Sha256(manifestBytes);
                Add($"blobs/sha256/{manifestDigest[7..]}", manifestBytes);
                indexManifests.Add(new JsonObject
                {
                    ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
                    ["digest"] = manifestDigest,
                    ["size"] = manifestBytes.Length,
                });
            }
        }
        Add("manifest.json", Encoding.UTF8.GetBytes(manifestJson.ToJsonString()));
        if (blobsLayout)
        {
            Add("oci-layout", Encoding.UTF8.GetBytes("""{"imageLayoutVersion":"1.0.0"}"""));
            Add("index.json", Encoding.UTF8.GetBytes(new JsonObject { ["schemaVersion"] = 2, ["manifests"] = indexManifests }.ToJsonString()));
        }
        return tarPath;
    }

    private (byte[] Manifest, List<(string Digest, byte[] Bytes)> Stored) Build()
    {
        var stored = new List<(string, byte[])>();
        var layerDescriptors = new JsonArray();
        var diffIds = new JsonArray();
        var history = new JsonArray();
        for (var i = 0; i < _layers.Count; i++)
        {
            var (tar, compression, createdBy) = _layers[i];
            var blob = Compress(tar, compression);
            var digest = Sha256(blob);
            var bytes = EditBlob?.Invoke(i, blob) ?? blob;
            stored.Add((digest, bytes));
            layerDescriptors.Add(new JsonObject
            {
                ["mediaType"] = compression switch
                {
                    LayerCompression.Gzip => "application/vnd.oci.image.layer.v1.tar+gzip",
                    LayerCompression.Zstd => "application/vnd.oci.image.layer.v1.tar+zstd",
                    _ => "application/vnd.oci.image.layer.v1.tar",
                },
                ["digest"] = digest,
                ["size"] = blob.Length,
            });
            diffIds.Add(Sha256(tar));
            history.Add(new JsonObject { ["created_by"] = createdBy });
        }
        var config = new JsonObject
        {
            ["architecture"] = Architecture,
            ["os"] = "linux",
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = diffIds },
            ["history"] = history,
        };
        EditConfig?.Invoke(config);
        var configBytes = Encoding.UTF8.GetBytes(config.ToJsonString());
        var configDigest = Sha256(configBytes);
        stored.Add((configDigest, configBytes));
        return (Encoding.UTF8.GetBytes(Manifest(configDigest, configBytes.Length, layerDescriptors).ToJsonString()), stored);
    }

    /// <summary>An OCI image manifest naming the config and the layers' descriptors.</summary>
    public static JsonObject Manifest(string configDigest, long configSize, JsonArray layers) => new()
    {
        ["schemaVersion"] = 2,
        ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
        ["config"] = new JsonObject
        {
            ["mediaType"] = "application/vnd.oci.image.config.v1+json",
            ["digest"] = configDigest,
            ["size"] = configSize,
        },
        ["layers"] = layers,
    };

    public static byte[] Compress(byte[] tar, LayerCompression compression)
    {
        switch (compression)
        {
            case LayerCompression.Gzip:
                using (var output = new MemoryStream())
                {
                    using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
                    {
                        gzip.Write(tar);
                    }
                    return output.ToArray();
                }
            case LayerCompression.Zstd:
                using (var compressor = new ZstdSharp.Compressor(3))
                {
                    return compressor.Wrap(tar).ToArray();
                }
            default:
                return tar;
        }
    }

    public static string Sha256(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Makes a JSON value with the writer's defaults (for editing configs in tests).</summary>
    public static JsonNode? Json(string json) => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions());
}
