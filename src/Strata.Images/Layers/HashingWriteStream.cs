using System.Security.Cryptography;
using Strata.Images.Model;

namespace Strata.Images.Layers;

/// <summary>Writes through while taking the SHA-256 and the count of the bytes written.</summary>
internal sealed class HashingWriteStream(Stream target, bool leaveOpen) : IO.WriteThroughStream(target, leaveOpen)
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Digest? _digest;

    public long BytesWritten { get; private set; }

    /// <summary>The digest of everything written; read it once writing is done.</summary>
    public Digest Digest => _digest ??= Digest.FromHash(Digest.Sha256, _hash);

    protected override void Passed(ReadOnlySpan<byte> chunk)
    {
        _hash.AppendData(chunk);
        BytesWritten += chunk.Length;
    }
}
