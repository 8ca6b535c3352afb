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

    /// <summary>Below this stored size a layer is read on one thread: a second one would cost more than it saves.</summary>
    public const long ReadAheadFrom = 1 << 20;

    private readonly LayerBlob _blob;
    private readonly HashingReadStream _raw;
    private readonly HashingReadStream _tar;
    private readonly TarCheckingStream _checkedTar;
    private readonly CheckedGzipStream? _gzip;
    private readonly bool _tarIsBlob;

    /// <param name="readAhead">
    /// Whether to inflate on a thread of its own; by default a layer of <see cref="ReadAheadFrom"/> bytes or more is.
    /// </param>
    public LayerDecoder(LayerBlob blob, long maxLayerSize, Action<long>? onCompressedRead = null, bool? readAhead = null)
    {
        _blob = blob;
        Name = $"layer {blob.Index} ({blob.Location})";
        _raw = new HashingReadStream(blob.Open(), onCompressedRead, blob.ExpectedDigest?.Algorithm ?? Digest.Sha256);
        try
        {
            var head = new byte[6];
            var headLength = _raw.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (CompressionDetector.Refused(head.AsSpan(0, headLength)) is { } format)
            {
                throw new StrataException(
                    $"{Name}: compressed with {format}, which OCI layers do not use; Strata reads gzip, zstd or uncompressed layers");
            }
            Compression = CompressionDetector.Detect(head.AsSpan(0, headLength), blob.MediaType);
            Stream prefixed = new PrefixedReadStream(head, headLength, _raw);
            Stream inflated = Compression switch
            {
                Compression.Gzip => _gzip = new CheckedGzipStream(prefixed, Name, blob.ExpectedSize ?? blob.StoredSize),
                Compression.Zstd => new ZstdSharp.DecompressionStream(prefixed, leaveOpen: false),
                _ => prefixed,
            };
            Stream limited = new InflateLimitStream(inflated, maxLayerSize, Name);
            if (readAhead ?? blob.StoredSize >= ReadAheadFrom)
            {
                // Inflating on a thread of its own while this one hashes and parses lets one large layer use two cores.
                limited = new ReadAheadStream(limited, $"strata layer {blob.Index}");
            }
            // An uncompressed blob is its tar: one hash of its bytes serves as both the blob digest and the diff_id.
            _tarIsBlob = Compression == Compression.None && (blob.ExpectedDigest?.Algorithm ?? Digest.Sha256) == blob.DiffId.Algorithm;
            _tar = new HashingReadStream(limited, algorithm: blob.DiffId.Algorithm, hashing: !_tarIsBlob);
            _checkedTar = new TarCheckingStream(_tar, Name, leaveOpen: true);
        }
        catch
        {
            _raw.Dispose();
            throw;
        }
    }

    public string Name { get; }

    public Compression Compression { get; }

    /// <summary>
    /// The uncompressed tar, each header checked before it is passed on; read it through (or not) and then call
    /// <see cref="Finish"/>.
    /// </summary>
    public Stream Tar => _checkedTar;

    /// <summary>After <see cref="Finish"/>: what the layer's reader should be warned of although the layer verified.</summary>
    public string? Warning => _gzip is { EndedWithoutTrailer: true }
        ? $"{Name}: the gzip stream has no trailer (CRC-32 and length) matching its content; "
          + "the content matches the config's diff_id, so the layer is read"
        : null;

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
        var tarDigest = _tarIsBlob ? _raw.Digest : _tar.Digest;
        if (_blob.DiffId != tarDigest)
        {
            throw new StrataException(
                $"{Name}: uncompressed content hashes to {tarDigest}, the config's diff_id is {_blob.DiffId} (truncated or corrupt)");
        }
        return new LayerDigests(_raw.Digest, _raw.BytesRead, _tar.BytesRead, Compression);
    }

    /// <summary>
    /// Turns a failure while reading into an error naming the layer and the level at fault. Once a gzip stream has
    /// ended without its trailer, a tar that ends early or content that fails its diff_id is the gzip stream's fault.
    /// </summary>
    public StrataException Wrap(Exception e)
    {
        if (_gzip is { EndedWithoutTrailer: true })
        {
            var symptom = e is StrataException && e.Message.StartsWith(Name + ": ", StringComparison.Ordinal)
                ? e.Message[(Name.Length + 2)..]
                : Describe(e);
            return new StrataException($"{Name}: the gzip stream ends early, without its trailer (truncated): {symptom}", e);
        }
        return e as StrataException ?? new StrataException($"{Name}: {Describe(e)}", e);
    }

    /// <summary>Decompressors' own errors are named where they occur; what is left comes from the tar reader.</summary>
    private static string Describe(Exception e) => e switch
    {
        ZstdSharp.ZstdException => $"corrupt or truncated zstd stream ({e.Message})",
        InvalidDataException or FormatException or ArgumentException or NotSupportedException => $"malformed tar ({IO.TarReaderWords.Of(e)})",
        EndOfStreamException => "truncated: the stream ends inside an entry",
        _ => $"unreadable ({e.Message})",
    };

    public void Dispose()
    {
        _checkedTar.Dispose();
        _tar.Dispose();
        // The decompressors' chain already closes the blob; disposing it here as well keeps that true for any of them.
        _raw.Dispose();
    }
}
