using System.Text.Json.Nodes;
using Strata.Images.Layers;
using Strata.Images.Model;
using Strata.Images.Sources;

namespace Strata.Images.Output;

/// <summary>One blob to copy: what it is and how to read its bytes (<paramref name="OpenSource"/>).</summary>
public sealed record BlobToCopy(Descriptor Descriptor, Func<Stream> OpenSource)
{
    /// <summary>
    /// Opens the blob checked against its descriptor as it is read (size and digest, in the digest's own algorithm):
    /// whatever copies or uploads it gets an error instead of its last bytes when it is not the blob named.
    /// </summary>
    public Stream Open() => new VerifyingReadStream(OpenSource(), Descriptor, $"blob {Descriptor.Digest}");

    /// <summary>A file holding exactly this blob (a cache entry), which a writer may hard-link instead of copying.</summary>
    public string? LocalFile { get; init; }

    /// <summary>True when this process has itself checked <see cref="LocalFile"/> against the descriptor, so no second hash is needed.</summary>
    public bool Verified { get; init; }
}

/// <summary>An image ready to be written or pushed: its manifest bytes, config, and every blob with its descriptor.</summary>
public sealed record PreparedImage(byte[] Manifest, string ManifestMediaType, Digest ManifestDigest, BlobToCopy Config, IReadOnlyList<BlobToCopy> Layers)
{
    /// <summary>
    /// Keeps the source's manifest when it has one; a docker archive has none, so one is made: blobs are hashed
    /// where the archive does not name their digests, and media types follow the bytes.
    /// </summary>
    public static PreparedImage From(ResolvedImage image)
    {
        var configBytes = image.Config.Raw.ToArray();
        if (image.Manifest is { } manifest)
        {
            var layers = manifest.Layers.Select((d, i) => new BlobToCopy(d, image.Layers[i].Open)).ToList();
            var raw = manifest.Raw.ToArray();
            return new PreparedImage(raw, manifest.MediaType, Digest.ComputeSha256(raw),
                new BlobToCopy(manifest.Config, () => new MemoryStream(configBytes)), layers);
        }
        var synthesized = image.Layers.Select(Describe).ToList();
        var configDescriptor = new Descriptor("application/vnd.oci.image.config.v1+json", image.ConfigDigest, configBytes.Length);
        var json = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.OciManifest,
            ["config"] = DescriptorJson(configDescriptor),
            ["layers"] = new JsonArray(synthesized.Select(b => (JsonNode)DescriptorJson(b.Descriptor)).ToArray()),
        };
        var bytes = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
        return new PreparedImage(bytes, MediaTypes.OciManifest, Digest.ComputeSha256(bytes),
            new BlobToCopy(configDescriptor, () => new MemoryStream(configBytes)), synthesized);
    }

    private static BlobToCopy Describe(LayerBlob blob)
    {
        using var stream = new HashingReadStream(blob.Open(), algorithm: blob.ExpectedDigest?.Algorithm ?? Digest.Sha256);
        var head = new byte[4];
        var headLength = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Drain();
        var (digest, size) = (stream.Digest, stream.BytesRead);
        if (blob.ExpectedDigest is { } expected && expected != digest)
        {
            throw new StrataException($"layer {blob.Index} ({blob.Location}): hashes to {digest}, its name says {expected}");
        }
        var mediaType = CompressionDetector.Detect(head.AsSpan(0, headLength), null) switch
        {
            Compression.Gzip => "application/vnd.oci.image.layer.v1.tar+gzip",
            Compression.Zstd => "application/vnd.oci.image.layer.v1.tar+zstd",
            _ => "application/vnd.oci.image.layer.v1.tar",
        };
        return new BlobToCopy(new Descriptor(mediaType, digest, size), blob.Open);
    }

    private static JsonObject DescriptorJson(Descriptor descriptor) => new()
    {
        ["mediaType"] = descriptor.MediaType,
        ["digest"] = descriptor.Digest.ToString(),
        ["size"] = descriptor.Size,
    };
}
