namespace Strata.Images.Layers;

/// <summary>Gives back bytes already read (to sniff a format) ahead of the rest of the stream.</summary>
internal sealed class PrefixedReadStream(byte[] prefix, int prefixLength, Stream inner) : IO.ReadOnlyStream
{
    private int _prefixPosition;

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPosition < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - _prefixPosition);
            prefix.AsSpan(_prefixPosition, n).CopyTo(buffer);
            _prefixPosition += n;
            return n;
        }
        return inner.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
