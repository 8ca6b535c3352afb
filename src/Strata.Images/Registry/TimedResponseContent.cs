using System.Net;

namespace Strata.Images.Registry;

/// <summary>
/// A response body read under its exchange's <see cref="RequestTimer"/>: every read is cancelled when the body
/// stalls or the deadline passes, and that surfaces as an error naming the URL instead of a hang.
/// </summary>
internal sealed class TimedResponseContent : WrappedContent
{
    private readonly RequestTimer _timer;

    public TimedResponseContent(HttpContent inner, RequestTimer timer, string what, Uri url) : base(inner)
    {
        _timer = timer;
        What = what;
        Url = url;
    }

    /// <summary>What is being read, as error messages name it.</summary>
    public string What { get; }

    public Uri Url { get; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var body = await CreateContentReadStreamAsync(cancellationToken);
        await body.CopyToAsync(stream, cancellationToken);
    }

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) =>
        new TimedReadStream(Open(() => Inner.ReadAsStream(_timer.Token)), _timer, What, Url);

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
    {
        var inner = await Open(() => Inner.ReadAsStreamAsync(_timer.Token));
        return new TimedReadStream(inner, _timer, What, Url);
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer.Dispose();
        }
        base.Dispose(disposing);
    }

    private T Open<T>(Func<T> open)
    {
        try
        {
            return open();
        }
        catch (OperationCanceledException) when (_timer.Expired)
        {
            throw new StrataException($"{What}: {Url}: {_timer.Reason}");
        }
    }
}
