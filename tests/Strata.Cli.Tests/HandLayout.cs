using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Strata.Cli.Tests;

/// <summary>
/// An OCI layout of one single-layer image written byte by byte in the test, with the digest algorithm of every
/// descriptor chosen (the TestKit's builder knows only sha256) and any part able to lie about its bytes.
/// </summary>
internal sealed class HandLayout
{
    public const string TarMediaType = "application/vnd.oci.image.layer.v1.tar";

    public HandLayout(string root)
    {
        Root = root;
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
    }

    public string Root { get; }

    /// <summary>Digest of <paramref name="bytes"/> computed here, with .NET's hash classes, never through Strata.</summary>
    public static string Hash(string algorithm, byte[] bytes) => algorithm switch
    {
        "sha256" => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)),
        "sha512" => "sha512:" + Convert.ToHexStringLower(SHA512.HashData(bytes)),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    public string PathOf(string digest) => Path.Combine(Root, "blobs", digest.Split(':')[0], digest.Split(':')[1]);

    /// <summary>Stores <paramref name="bytes"/> under <paramref name="digest"/>, whether or not they hash to it.</summary>
    public string StoreAs(string digest, byte[] bytes)
    {
        var path = PathOf(digest);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return digest;
    }

    public string Store(string algorithm, byte[] bytes) => StoreAs(Hash(algorithm, bytes), bytes);

    public static JsonObject Descriptor(string mediaType, string digest, long size) =>
        new() { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = size };

    /// <summary>Names the manifest in <c>index.json</c> under the tag <c>latest</c>.</summary>
    public void WriteIndex(JsonObject manifestDescriptor)
    {
        manifestDescriptor["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = "latest" };
        File.WriteAllText(Path.Combine(Root, "index.json"), new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["manifests"] = new JsonArray(manifestDescriptor),
        }.ToJsonString());
    }

    /// <summary>The config of a one-layer image whose layer is <paramref name="tar"/>, its diff_id in <paramref name="algorithm"/>.</summary>
    public static byte[] Config(byte[] tar, string algorithm) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["architecture"] = "amd64",
        ["os"] = "linux",
        ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(Hash(algorithm, tar)) },
        ["history"] = new JsonArray(new JsonObject { ["created_by"] = "COPY hostname /etc/" }),
    }.ToJsonString());

    public static byte[] Manifest(JsonObject config, JsonObject layer) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["schemaVersion"] = 2,
        ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
        ["config"] = config,
        ["layers"] = new JsonArray(layer),
    }.ToJsonString());

    /// <summary>
    /// A sound one-layer image (uncompressed layer <paramref name="tar"/>) with every digest in <paramref name="algorithm"/>;
    /// <paramref name="storedLayer"/>, when given, is stored in place of the layer's bytes under the layer's true digest.
    /// </summary>
    public static HandLayout Image(string root, byte[] tar, string algorithm, byte[]? storedLayer = null)
    {
        var layout = new HandLayout(root);
        var layerDigest = layout.StoreAs(Hash(algorithm, tar), storedLayer ?? tar);
        var config = Config(tar, algorithm);
        var configDigest = layout.Store(algorithm, config);
        var manifest = Manifest(
            Descriptor("application/vnd.oci.image.config.v1+json", configDigest, config.Length),
            Descriptor(TarMediaType, layerDigest, tar.Length));
        layout.WriteIndex(Descriptor("application/vnd.oci.image.manifest.v1+json", layout.Store(algorithm, manifest), manifest.Length));
        return layout;
    }
}
