using System.Net;

namespace Strata.Images.Registry;

/// <summary>A request body sent under its exchange's <see cref="RequestTimer"/>: each write is progress, so only a stalled upload times out.</summary>
internal sealed class TimedRequestContent(HttpContent inner, RequestTimer timer) : WrappedContent(inner)
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await Inner.CopyToAsync(new ProgressWriteStream(stream, timer), cancellationToken);
        // The upload is over: the registry now gets a whole idle timeout to answer.
        timer.Rearm();
    }

    /// <summary>Passes writes through, counting them as progress.</summary>
    private sealed class ProgressWriteStream(Stream target, RequestTimer timer) : IO.WriteThroughStream(target)
    {
        protected override void Passed(ReadOnlySpan<byte> chunk) => timer.Progress(chunk.Length);
    }
}
