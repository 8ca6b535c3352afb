namespace Strata.Images.Layers;

/// <summary>Stops a decompression bomb: fails once more than <paramref name="limit"/> bytes come out.</summary>
internal sealed class InflateLimitStream(Stream inner, long limit, string layerName) : Stream
{
    private long _total;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _total;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _total += read;
        if (_total > limit)
        {
            throw new StrataException(
                $"{layerName}: inflates to more than {limit} bytes, the limit for one layer (raise it with --max-layer-size)");
        }
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
