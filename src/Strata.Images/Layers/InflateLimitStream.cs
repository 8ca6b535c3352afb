namespace Strata.Images.Layers;

/// <summary>
/// Stops a decompression bomb: fails once more than <paramref name="limit"/> bytes come out. Also names the layer when
/// the decompressor finds its input cut short.
/// </summary>
internal sealed class InflateLimitStream(Stream inner, long limit, string layerName) : IO.ReadOnlyStream
{
    private long _total;

    public override long Position
    {
        get => _total;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = inner.Read(buffer);
        }
        catch (EndOfStreamException e)
        {
            // Only a decompressor throws this here (zstd, on a cut stream); it must not pass for the tar reader's own.
            throw new StrataException($"{layerName}: the compressed stream ends early (truncated: {e.Message})", e);
        }
        _total += read;
        if (_total > limit)
        {
            throw new StrataException(
                $"{layerName}: inflates to more than {limit} bytes, the limit for one layer (raise it with --max-layer-size)");
        }
        return read;
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
