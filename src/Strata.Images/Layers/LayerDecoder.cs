using System.IO.Compression;
using Strata.Images.Model;
using Strata.Images.Sources;

namespace Strata.Images.Layers;

/// <summary>What reading a layer's blob proved about it.</summary>
public sealed record LayerDigests(Digest BlobDigest, long CompressedSize, long UncompressedSize, Compression Compression);

/// <summary>
/// Opens one layer blob as an uncompressed tar stream, hashing the compressed bytes and the tar bytes as they pass,
/// and on <see cref="Finish"/> checks both against the descriptor and the config's diff_id.
/// </summary>
public sealed class LayerDecoder : IDisposable
{
    public const long DefaultMaxLayerSize = 64L * 1024 * 1024 * 1024;

    private readonly LayerBlob _blob;
    private readonly HashingReadStream _raw;
    private readonly HashingReadStream _tar;

    public LayerDecoder(LayerBlob blob, long maxLayerSize, Action<long>? onCompressedRead = null)
    {
        _blob = blob;
        Name = $"layer {blob.Index} ({blob.Location})";
        _raw = new HashingReadStream(blob.Open(), onCompressedRead, blob.ExpectedDigest?.Algorithm ?? Digest.Sha256);
        var head = new byte[4];
        var headLength = _raw.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        Compression = CompressionDetector.Detect(head.AsSpan(0, headLength), blob.MediaType);
        Stream prefixed = new PrefixedReadStream(head, headLength, _raw);
        Stream inflated = Compression switch
        {
            Compression.Gzip => new GZipStream(prefixed, CompressionMode.Decompress),
            Compression.Zstd => new ZstdSharp.DecompressionStream(prefixed),
            _ => prefixed,
        };
        _tar = new HashingReadStream(new InflateLimitStream(inflated, maxLayerSize, Name), algorithm: blob.DiffId.Algorithm);
    }

    public string Name { get; }

    public Compression Compression { get; }

    /// <summary>The uncompressed tar; read it through (or not) and then call <see cref="Finish"/>.</summary>
    public Stream Tar => _tar;

    /// <summary>Reads what is left and verifies sizes and digests; a mismatch is an error naming the layer.</summary>
    public LayerDigests Finish()
    {
        _tar.Drain();
        _raw.Drain();
        if (_blob.ExpectedSize is { } size && size != _raw.BytesRead)
        {
            throw new StrataException($"{Name}: blob is {_raw.BytesRead} bytes, the manifest says {size} (truncated or corrupt)");
        }
        if (_blob.ExpectedDigest is { } expected && expected != _raw.Digest)
        {
            throw new StrataException($"{Name}: blob digest is {_raw.Digest}, the manifest says {expected}");
        }
        if (_blob.DiffId != _tar.Digest)
        {
            throw new StrataException(
                $"{Name}: uncompressed content hashes to {_tar.Digest}, the config's diff_id is {_blob.DiffId} (truncated or corrupt)");
        }
        return new LayerDigests(_raw.Digest, _raw.BytesRead, _tar.BytesRead, Compression);
    }

    /// <summary>Turns a decoder's own failure (bad gzip, bad zstd, short read) into an error naming the layer.</summary>
    public StrataException Wrap(Exception e) => e as StrataException ?? new StrataException($"{Name}: {Describe(e)}", e);

    private string Describe(Exception e) => e switch
    {
        InvalidDataException when Compression == Compression.Gzip => $"corrupt or truncated gzip stream ({e.Message})",
        ZstdSharp.ZstdException => $"corrupt or truncated zstd stream ({e.Message})",
        EndOfStreamException => "truncated: the stream ends inside an entry",
        _ => $"unreadable ({e.GetType().Name}: {e.Message})",
    };

    public void Dispose() => _tar.Dispose();
}
