using Strata.Images.Layers;
using Strata.Images.Model;

namespace Strata.Images.Output;

/// <summary>
/// Reads a blob while checking it against its descriptor, with the descriptor's own digest algorithm. The read that
/// would complete the blob hands out its bytes only once size and digest check out, so a receiver (a file being
/// written, an upload with its Content-Length) never gets a whole blob that is wrong: it gets an error instead.
/// </summary>
internal sealed class VerifyingReadStream(Stream inner, Descriptor descriptor, string what) : IO.ReadOnlyStream
{
    private readonly HashingReadStream _hashing = new(inner, algorithm: descriptor.Digest.Algorithm);
    private bool _verified;

    public override long Length => descriptor.Size;

    public override int Read(Span<byte> buffer)
    {
        if (_verified || buffer.IsEmpty)
        {
            return 0;
        }
        if (_hashing.BytesRead == descriptor.Size)
        {
            Verify();
            return 0;
        }
        var read = _hashing.Read(buffer[..(int)Math.Min(buffer.Length, descriptor.Size - _hashing.BytesRead)]);
        if (read == 0)
        {
            throw new StrataException($"{what}: ends after {_hashing.BytesRead} of the {descriptor.Size} bytes its descriptor gives");
        }
        if (_hashing.BytesRead == descriptor.Size)
        {
            Verify();
        }
        return read;
    }

    private void Verify()
    {
        Span<byte> probe = stackalloc byte[1];
        if (inner.Read(probe) > 0)
        {
            throw new StrataException($"{what}: longer than the {descriptor.Size} bytes its descriptor gives");
        }
        var actual = _hashing.Digest;
        if (actual != descriptor.Digest)
        {
            throw new StrataException($"{what}: its {descriptor.Size} bytes hash to {actual}, not to its digest");
        }
        _verified = true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hashing.Dispose();
        }
        base.Dispose(disposing);
    }
}
