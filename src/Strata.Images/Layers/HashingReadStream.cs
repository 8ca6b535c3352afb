using System.Security.Cryptography;
using Strata.Images.Model;

namespace Strata.Images.Layers;

/// <summary>
/// Passes bytes through while hashing them (SHA-256 unless told another digest algorithm) and counting them; with
/// <paramref name="hashing"/> false it only counts (where another stream already hashes the same bytes).
/// </summary>
internal sealed class HashingReadStream(Stream inner, Action<long>? onRead = null, string algorithm = Digest.Sha256, bool hashing = true)
    : IO.ReadOnlyStream
{
    private readonly IncrementalHash? _hash = hashing ? Digest.CreateHash(algorithm) : null;
    private Digest? _digest;

    public long BytesRead { get; private set; }

    /// <summary>The digest of everything read; call once the stream is drained.</summary>
    public Digest Digest => _digest ??= Digest.FromHash(
        algorithm, _hash ?? throw new InvalidOperationException("this stream only counts; the digest is another's"));

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _hash?.AppendData(buffer[..read]);
        BytesRead += read;
        onRead?.Invoke(BytesRead);
        return read;
    }

    /// <summary>Reads to the end so that the digest covers every byte.</summary>
    public void Drain()
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            while (Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash?.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
