using System.Net;

namespace Strata.Images.Registry;

/// <summary>A request body sent under its exchange's <see cref="RequestTimer"/>: each write is progress, so only a stalled upload times out.</summary>
internal sealed class TimedRequestContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly RequestTimer _timer;

    public TimedRequestContent(HttpContent inner, RequestTimer timer)
    {
        _inner = inner;
        _timer = timer;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await _inner.CopyToAsync(new ProgressWriteStream(stream, _timer), cancellationToken);
        // The upload is over: the registry now gets a whole idle timeout to answer.
        _timer.Rearm();
    }

    protected override bool TryComputeLength(out long length)
    {
        var known = _inner.Headers.ContentLength;
        length = known ?? 0;
        return known is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>Passes writes through, counting them as progress.</summary>
    private sealed class ProgressWriteStream(Stream target, RequestTimer timer) : IO.WriteThroughStream(target)
    {
        protected override void Passed(ReadOnlySpan<byte> chunk) => timer.Progress(chunk.Length);
    }
}
