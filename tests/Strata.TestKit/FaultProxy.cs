using System.Globalization;
using System.Net;
using System.Text;

namespace Strata.TestKit;

/// <summary>
/// A reverse proxy on 127.0.0.1 between a client under test and a real registry: it relays every request (method,
/// path and query, headers with Authorization and Range, body) and its response as they are, except those a
/// <see cref="FaultRule"/> picks, which get a <see cref="TestKit.Fault"/> instead. It logs every request, so a test
/// can count attempts. One request per connection: every response says <c>Connection: close</c>.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Lets the bytes already sent reach the client before the reset discards what is still queued.</summary>
    private static readonly TimeSpan ResetGrace = TimeSpan.FromMilliseconds(100);

    private readonly Uri _upstream;
    private readonly HttpClient _http;
    private readonly RequestLog _log = new();
    private readonly List<FaultRule> _rules = [];
    private readonly LoopbackServer _server;

    private FaultProxy(Uri upstream)
    {
        _upstream = upstream;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = ConnectTimeout,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _server = LoopbackServer.Start(IPAddress.Loopback, ServeAsync);
    }

    /// <summary><c>http://127.0.0.1:PORT/</c></summary>
    public Uri BaseUri => _server.BaseUri;

    /// <summary><c>127.0.0.1:PORT</c>, as an image reference names the registry.</summary>
    public string Host => _server.Host;

    public Uri Upstream => _upstream;

    /// <summary>Every request received, in arrival order; an entry is logged before its response goes out.</summary>
    public IReadOnlyList<ProxiedRequest> Requests => _log.Snapshot();

    /// <summary>Failures of the proxy itself (a malformed request, a bug), not of clients going away.</summary>
    public IReadOnlyList<Exception> Errors => _server.Errors;

    public static FaultProxy Start(Uri upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        if (!upstream.IsAbsoluteUri)
        {
            throw new ArgumentException("The upstream must be an absolute URI", nameof(upstream));
        }
        return new FaultProxy(upstream);
    }

    /// <summary>
    /// Gives <paramref name="fault"/> to the first <paramref name="times"/> requests <paramref name="when"/> matches.
    /// Rules are tried in the order added; a request gets at most one fault.
    /// </summary>
    public FaultRule Inject(Fault fault, Func<ProxiedRequest, bool> when, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(when);
        var rule = new FaultRule(fault, when, times);
        lock (_rules)
        {
            _rules.Add(rule);
        }
        return rule;
    }

    public void ClearFaults()
    {
        lock (_rules)
        {
            _rules.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task ServeAsync(HttpConnection connection, CancellationToken cancellationToken)
    {
        var request = await connection.ReadRequestAsync(cancellationToken);
        if (request is null)
        {
            return;
        }
        var entry = _log.Add(new ProxiedRequest(request.Method, request.Target, request.Headers, request.Body?.Length, request.Chunked));
        entry.Fault = Pick(entry);
        switch (entry.Fault)
        {
            case StatusFault status:
                await AnswerAsync(connection, request, entry, status.Code, ErrorBody(status.Code),
                    status.RetryAfter is null ? [] : [new("Retry-After", status.RetryAfter)], cancellationToken);
                break;
            case RedirectFault redirect:
                await AnswerAsync(connection, request, entry, 307, [],
                    [new("Location", redirect.Location(request.Target).AbsoluteUri)], cancellationToken);
                break;
            default:
                await ForwardAsync(connection, request, entry, cancellationToken);
                break;
        }
    }

    private Fault? Pick(ProxiedRequest request)
    {
        FaultRule[] rules;
        lock (_rules)
        {
            rules = [.. _rules];
        }
        return rules.FirstOrDefault(rule => rule.TryApply(request))?.Fault;
    }

    private async Task ForwardAsync(HttpConnection connection, HttpRequestHead request, ProxiedRequest entry, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_upstream, request.Target));
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
        }
        foreach (var (name, value) in request.Headers.Where(h => !HeaderList.HopByHop.Contains(h.Key)))
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            entry.Error = e.Message;
            await AnswerAsync(connection, request, entry, 502, Encoding.UTF8.GetBytes(e.Message), [], cancellationToken);
            return;
        }
        using (response)
        {
            entry.Answered((int)response.StatusCode);
            var body = await UpstreamResponse.WriteHeadAsync(connection, response, request.Method, RewriteLocation, cancellationToken);
            if (body is not null)
            {
                await RelayBodyAsync(connection, response, body, entry.Fault, cancellationToken);
            }
        }
    }

    private static async Task RelayBodyAsync(HttpConnection connection, HttpResponseMessage response, ResponseBody body, Fault? fault, CancellationToken cancellationToken)
    {
        var limit = fault switch
        {
            ResetFault reset => reset.Bytes,
            TruncateFault truncate => truncate.Bytes,
            _ => long.MaxValue,
        };
        var corrupt = fault is CorruptFault c ? c.Offset : -1;
        await using var upstream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[fault is ThrottleFault throttle ? throttle.Bytes : 64 * 1024];
        long offset = 0;
        while (true)
        {
            var read = await upstream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, Math.Max(1, limit - offset))), cancellationToken);
            if (read == 0)
            {
                await body.CompleteAsync(cancellationToken);
                return;
            }
            if (offset + read > limit)
            {
                break;
            }
            if (corrupt >= offset && corrupt < offset + read)
            {
                buffer[corrupt - offset] ^= 0xFF;
            }
            await body.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            offset += read;
            if (fault is ThrottleFault slow)
            {
                await Task.Delay(slow.Pause, cancellationToken);
            }
        }
        if (fault is ResetFault)
        {
            await Task.Delay(ResetGrace, cancellationToken);
            connection.Reset();
        }
        else
        {
            connection.Close();
        }
    }

    private static async Task AnswerAsync(
        HttpConnection connection, HttpRequestHead request, ProxiedRequest entry, int status, byte[] body,
        IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        entry.Answered(status);
        var all = headers.ToList();
        if (body.Length > 0)
        {
            all.Add(new("Content-Type", "application/json"));
        }
        var head = request.Method == "HEAD";
        all.Add(new("Content-Length", (head ? 0 : body.Length).ToString(CultureInfo.InvariantCulture)));
        await connection.WriteHeadAsync(status, UpstreamResponse.Reason(status), all, cancellationToken);
        if (!head)
        {
            await connection.WriteAsync(body, cancellationToken);
        }
    }

    private static byte[] ErrorBody(int status)
    {
        var code = status switch
        {
            401 => "UNAUTHORIZED",
            403 => "DENIED",
            404 => "NAME_UNKNOWN",
            429 => "TOOMANYREQUESTS",
            503 => "UNAVAILABLE",
            _ => "UNKNOWN",
        };
        return Encoding.UTF8.GetBytes($$"""{"errors":[{"code":"{{code}}","message":"injected by FaultProxy"}]}""");
    }

    /// <summary>Keeps the client on the proxy when the upstream names itself in a Location (upload sessions do).</summary>
    private string RewriteLocation(string location)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, _upstream.Authority, StringComparison.OrdinalIgnoreCase))
        {
            return location;
        }
        return new Uri(BaseUri, uri.PathAndQuery).AbsoluteUri;
    }
}
