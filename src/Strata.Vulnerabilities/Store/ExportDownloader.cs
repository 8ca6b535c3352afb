using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.Retry;
using Strata.Images;

namespace Strata.Vulnerabilities.Store;

/// <summary>
/// Downloads an export to a file with a conditional GET (If-None-Match with the stored ETag, If-Modified-Since with
/// the stored Last-Modified). Every wait is bounded by the timeout; transient failures are tried again (Polly), each
/// try rewriting the file from its start.
/// </summary>
internal sealed class ExportDownloader : IDisposable
{
    private const int BufferBytes = 80 * 1024;

    private readonly HttpClient _http;
    private readonly UpdateOptions _options;
    private readonly ResiliencePipeline _retry;

    public ExportDownloader(UpdateOptions options)
    {
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = options.Timeout,
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            UseCookies = false,
        })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("strata");
        _retry = options.MaxAttempts <= 1
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TransientDownloadFailure>(),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.RetryDelay,
                UseJitter = false,
                OnRetry = retry =>
                {
                    var message = retry.Outcome.Exception?.Message ?? "failed";
                    options.Import.Warn($"{message}; trying again in {retry.RetryDelay.TotalSeconds:0.#} s (try {retry.AttemptNumber + 2} of {options.MaxAttempts})");
                    return ValueTask.CompletedTask;
                },
            }).Build();
    }

    public async Task<ExportDownload> DownloadAsync(Uri url, string? etag, string? lastModified, string target, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(async token => await AttemptAsync(url, etag, lastModified, target, token), cancellationToken);
        }
        catch (TransientDownloadFailure e) when (_options.MaxAttempts > 1)
        {
            throw new StrataException($"{e.Message} (tried {_options.MaxAttempts} times)");
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<ExportDownload> AttemptAsync(Uri url, string? etag, string? lastModified, string target, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }
        if (lastModified is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }
        using var response = await SendAsync(request, url, cancellationToken);
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new ExportDownload(NotModified: true);
        }
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var bytes = await SaveBodyAsync(response, url, target, cancellationToken);
            return new ExportDownload(false, bytes, Header(response.Headers, "ETag"), Header(response.Content.Headers, "Last-Modified"));
        }
        var answer = $"{url}: the server answered {status} {response.ReasonPhrase}";
        if (status is 408 or 429 || status >= 500)
        {
            throw new TransientDownloadFailure(answer);
        }
        throw new StrataException(status == 404 ? $"{answer} (is the ecosystem's name spelt as OSV spells it, and --source right?)" : answer);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Uri url, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(_options.Timeout);
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, waiting.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientDownloadFailure($"{url}: no answer within {Seconds(_options.Timeout)}");
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.NameResolutionError || HasSocketError(e, SocketError.HostNotFound, SocketError.NoData))
        {
            throw new StrataException($"{url}: cannot resolve the host {url.Host} (is --source right, and is the network up?)");
        }
        catch (HttpRequestException e) when (HasSocketError(e, SocketError.ConnectionRefused))
        {
            throw new StrataException($"{url}: {url.Authority} refused the connection");
        }
        catch (HttpRequestException e)
        {
            throw new TransientDownloadFailure($"{url}: {Describe(e)}");
        }
    }

    /// <summary>Copies the body to <paramref name="target"/>; a stall, a cut connection or a short body is a transient failure.</summary>
    private async Task<long> SaveBodyAsync(HttpResponseMessage response, Uri url, string target, CancellationToken cancellationToken)
    {
        var limit = _options.Import.Limits.MaxDownloadBytes;
        var declared = response.Content.Headers.ContentLength;
        if (declared > limit)
        {
            throw new StrataException($"{url}: {declared:N0} bytes, more than the {ImportLimits.Size(limit)} an export may be");
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using var file = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true);
        var buffer = new byte[BufferBytes];
        long total = 0;
        while (true)
        {
            int read;
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                idle.CancelAfter(_options.Timeout);
                try
                {
                    read = await body.ReadAsync(buffer, idle.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TransientDownloadFailure($"{url}: nothing arrived for {Seconds(_options.Timeout)} after {total:N0} bytes");
                }
                catch (Exception e) when (e is IOException or HttpRequestException)
                {
                    throw new TransientDownloadFailure($"{url}: the connection broke after {total:N0} bytes ({Describe(e)})");
                }
            }
            if (read == 0)
            {
                break;
            }
            total += read;
            if (total > limit)
            {
                throw new StrataException($"{url}: more than the {ImportLimits.Size(limit)} an export may be");
            }
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        if (declared is { } length && total != length)
        {
            throw new TransientDownloadFailure($"{url}: the body ended after {total:N0} of {length:N0} bytes");
        }
        return total;
    }

    private static string? Header(System.Net.Http.Headers.HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static bool HasSocketError(Exception e, params SocketError[] errors)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket && errors.Contains(socket.SocketErrorCode))
            {
                return true;
            }
        }
        return false;
    }

    private static string Describe(Exception e)
    {
        var message = e.Message;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner.Message.Length > 0 && !message.Contains(inner.Message, StringComparison.Ordinal))
            {
                message += ": " + inner.Message;
            }
        }
        return message.ReplaceLineEndings(" ");
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds >= 1 ? $"{span.TotalSeconds:0.#} s" : $"{span.TotalMilliseconds:0} ms";
}
