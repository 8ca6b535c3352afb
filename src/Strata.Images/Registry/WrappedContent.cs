namespace Strata.Images.Registry;

/// <summary>An HTTP body that stands in for another: the same headers and length, and it disposes the body it wraps.</summary>
internal abstract class WrappedContent : HttpContent
{
    protected WrappedContent(HttpContent inner)
    {
        Inner = inner;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected HttpContent Inner { get; }

    protected override bool TryComputeLength(out long length)
    {
        var known = Inner.Headers.ContentLength;
        length = known ?? 0;
        return known is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
