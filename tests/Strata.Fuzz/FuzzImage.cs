using System.Text;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Fuzz;

/// <summary>An image's stored parts, ready to be written in any format: every blob by the digest it is stored under.</summary>
internal sealed record BuiltImage(byte[] Manifest, string ManifestDigest, string ConfigName, byte[] Config, IReadOnlyList<string> LayerDigests, IReadOnlyDictionary<string, byte[]> Blobs);

/// <summary>
/// A seed image being mutated. By default everything is made consistent again after a mutation (blob digests,
/// diff_ids, config and manifest digests); the hooks let a case make one part lie on purpose.
/// </summary>
internal sealed class FuzzImage(SeedImage seed)
{
    public List<FuzzLayer> Layers { get; } = [.. seed.Layers];

    public JsonObject Config { get; } = seed.Config();

    /// <summary>Edits the config bytes once the diff_ids are in (the config digest is taken after).</summary>
    public Func<byte[], byte[]>? EditConfig { get; set; }

    /// <summary>Edits the manifest once every descriptor is in (the manifest digest is taken after).</summary>
    public Func<JsonObject, byte[]>? EditManifest { get; set; }

    /// <summary>Changes stored blobs, and may add some, after their digests were taken (given the config's digest).</summary>
    public Action<Dictionary<string, byte[]>, string>? EditBlobs { get; set; }

    public bool KeepDiffIds { get; set; }

    /// <summary>The config bytes of the last <see cref="Build"/>, for manifest edits that need them.</summary>
    public byte[] LastConfig { get; private set; } = [];

    public BuiltImage Build()
    {
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (!KeepDiffIds)
        {
            Config["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray([.. Layers.Select(l => JsonValue.Create(l.DiffId))]) };
        }
        var configBytes = Encoding.UTF8.GetBytes(Config.ToJsonString());
        configBytes = EditConfig?.Invoke(configBytes) ?? configBytes;
        LastConfig = configBytes;
        var configDigest = OciImageBuilder.Sha256(configBytes);
        blobs[configDigest] = configBytes;
        foreach (var layer in Layers)
        {
            blobs[layer.Digest] = layer.Blob;
        }
        var manifest = OciImageBuilder.Manifest(configDigest, configBytes.Length,
            new JsonArray([.. Layers.Select(l => new JsonObject { ["mediaType"] = l.MediaType, ["digest"] = l.Digest, ["size"] = l.Blob.Length })]));
        var manifestBytes = EditManifest?.Invoke(manifest) ?? Encoding.UTF8.GetBytes(manifest.ToJsonString());
        var manifestDigest = OciImageBuilder.Sha256(manifestBytes);
        blobs[manifestDigest] = manifestBytes;
        EditBlobs?.Invoke(blobs, configDigest);
        return new BuiltImage(manifestBytes, manifestDigest, configDigest, configBytes, [.. Layers.Select(l => l.Digest)], blobs);
    }
}
