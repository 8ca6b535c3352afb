using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Strata.TestKit;

/// <summary>
/// The other host a registry redirects blob downloads to (a CDN, object storage): a loopback server on 127.0.0.2
/// where the system routes it (else 127.0.0.1, on another port) that logs the headers it receives, so a test can
/// check that no Authorization followed the redirect. It serves a byte array for every path, or fetches each path
/// from an upstream itself, passing on Range but none of the client's credentials.
/// </summary>
public sealed class RecordingBlobHost : IAsyncDisposable, IDisposable
{
    private static readonly IPAddress OtherLoopback = IPAddress.Parse("127.0.0.2");

    private readonly byte[]? _content;
    private readonly Uri? _upstream;
    private readonly HttpClient? _http;
    private readonly RequestLog _log = new();
    private readonly LoopbackServer _server;

    private RecordingBlobHost(byte[]? content, Uri? upstream)
    {
        _content = content;
        _upstream = upstream;
        if (upstream is not null)
        {
            _http = new HttpClient(new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                UseCookies = false,
                UseProxy = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
            })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
        }
        _server = StartServer(ServeAsync);
    }

    /// <summary><c>http://127.0.0.2:PORT/</c>, or <c>http://127.0.0.1:PORT/</c> where 127.0.0.2 is not routed.</summary>
    public Uri BaseUri => _server.BaseUri;

    public string Host => _server.Host;

    public IReadOnlyList<ProxiedRequest> Requests => _log.Snapshot();

    public IReadOnlyList<Exception> Errors => _server.Errors;

    /// <summary>Whether any request arrived with an Authorization header.</summary>
    public bool SawAuthorization => Requests.Any(r => r.HasHeader("Authorization"));

    /// <summary>Serves <paramref name="content"/> at every path, honouring single byte ranges.</summary>
    public static RecordingBlobHost Start(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new RecordingBlobHost(content, null);
    }

    /// <summary>Serves each path by a GET (or HEAD) of it on <paramref name="upstream"/>, anonymously.</summary>
    public static RecordingBlobHost Start(Uri upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        return new RecordingBlobHost(null, upstream);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _http?.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static LoopbackServer StartServer(Func<HttpConnection, CancellationToken, Task> serve)
    {
        try
        {
            return LoopbackServer.Start(OtherLoopback, serve);
        }
        catch (SocketException)
        {
            return LoopbackServer.Start(IPAddress.Loopback, serve);
        }
    }

    private async Task ServeAsync(HttpConnection connection, CancellationToken cancellationToken)
    {
        var request = await connection.ReadRequestAsync(cancellationToken);
        if (request is null)
        {
            return;
        }
        var entry = _log.Add(new ProxiedRequest(request.Method, request.Target, request.Headers, request.Body?.Length, request.Chunked));
        if (request.Method is not ("GET" or "HEAD"))
        {
            entry.Answered(405);
            await connection.WriteHeadAsync(405, "Method Not Allowed", [new("Allow", "GET, HEAD"), new("Content-Length", "0")], cancellationToken);
        }
        else if (_content is not null)
        {
            await ServeContentAsync(connection, request, entry, _content, cancellationToken);
        }
        else
        {
            await FetchAsync(connection, request, entry, cancellationToken);
        }
    }

    private static async Task ServeContentAsync(HttpConnection connection, HttpRequestHead request, ProxiedRequest entry, byte[] content, CancellationToken cancellationToken)
    {
        var range = ByteRange.Parse(request.Header("Range"), content.Length);
        if (range is { Length: 0 })
        {
            entry.Answered(416);
            await connection.WriteHeadAsync(416, "Range Not Satisfiable",
                [new("Content-Range", $"bytes */{content.Length}"), new("Content-Length", "0")], cancellationToken);
            return;
        }
        var (status, start, length) = range is { } r ? (206, r.Start, r.Length) : (200, 0L, (long)content.Length);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Content-Type", "application/octet-stream"),
            new("Accept-Ranges", "bytes"),
            new("Content-Length", length.ToString(CultureInfo.InvariantCulture)),
        };
        if (range is { } partial)
        {
            headers.Add(new("Content-Range", partial.ContentRange(content.Length)));
        }
        entry.Answered(status);
        await connection.WriteHeadAsync(status, UpstreamResponse.Reason(status), headers, cancellationToken);
        if (request.Method == "GET")
        {
            await connection.WriteAsync(content.AsMemory((int)start, (int)length), cancellationToken);
        }
    }

    private async Task FetchAsync(HttpConnection connection, HttpRequestHead request, ProxiedRequest entry, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_upstream!, request.Target));
        if (request.Header("Range") is { } range)
        {
            message.Headers.TryAddWithoutValidation("Range", range);
        }
        HttpResponseMessage upstreamResponse;
        try
        {
            upstreamResponse = await _http!.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            entry.Error = e.Message;
            entry.Answered(502);
            await connection.WriteHeadAsync(502, "Bad Gateway", [new("Content-Length", "0")], cancellationToken);
            return;
        }
        using var response = upstreamResponse;
        entry.Answered((int)response.StatusCode);
        var body = await UpstreamResponse.WriteHeadAsync(connection, response, request.Method, location => location, cancellationToken);
        if (body is not null)
        {
            await using (var upstream = await response.Content.ReadAsStreamAsync(cancellationToken))
            {
                var buffer = new byte[64 * 1024];
                int read;
                while ((read = await upstream.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await body.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            await body.CompleteAsync(cancellationToken);
        }
    }
}
