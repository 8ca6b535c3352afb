using System.Security.Cryptography;
using Strata.Images.Model;

namespace Strata.Images.Layers;

/// <summary>Passes bytes through while hashing them with SHA-256 and counting them.</summary>
internal sealed class HashingReadStream(Stream inner, Action<long>? onRead = null) : IO.ReadOnlyStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Digest? _digest;

    public long BytesRead { get; private set; }

    /// <summary>The digest of everything read; call once the stream is drained.</summary>
    public Digest Digest => _digest ??= Digest.FromSha256(_hash.GetHashAndReset());

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _hash.AppendData(buffer[..read]);
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
            _hash.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
