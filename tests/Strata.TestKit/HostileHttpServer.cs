using System.Globalization;
using System.Net;
using System.Text;

namespace Strata.TestKit;

/// <summary>
/// A loopback HTTP server that answers each request as a test's function says, with <see cref="HostileAnswer"/>s a
/// real registry cannot be made to give. It logs each request as <c>METHOD TARGET</c>.
/// </summary>
public sealed class HostileHttpServer : IAsyncDisposable
{
    private const int EndlessChunk = 64 * 1024;

    private readonly Func<HostileRequest, HostileAnswer> _answer;
    private readonly List<string> _requests = [];
    private readonly LoopbackServer _server;
    private long _endlessBytes;

    private HostileHttpServer(Func<HostileRequest, HostileAnswer> answer)
    {
        _answer = answer;
        _server = LoopbackServer.Start(IPAddress.Loopback, ServeAsync);
    }

    /// <summary><c>http://127.0.0.1:PORT/</c></summary>
    public Uri BaseUri => _server.BaseUri;

    /// <summary><c>127.0.0.1:PORT</c>, as an image reference names the registry.</summary>
    public string Host => _server.Host;

    /// <summary>How many bytes of endless bodies went out, all requests together.</summary>
    public long EndlessBytesSent => Interlocked.Read(ref _endlessBytes);

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static HostileHttpServer Start(Func<HostileRequest, HostileAnswer> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new HostileHttpServer(answer);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task ServeAsync(HttpConnection connection, CancellationToken cancellationToken)
    {
        var head = await connection.ReadRequestAsync(cancellationToken);
        if (head is null)
        {
            return;
        }
        lock (_requests)
        {
            _requests.Add($"{head.Method} {head.Target}");
        }
        var answer = _answer(new HostileRequest(head.Method, head.Target, head.Headers));
        switch (answer)
        {
            case PlainAnswer plain:
                await connection.WriteAsync(Head(plain.Status, plain.Headers, plain.Body.Length), cancellationToken);
                await connection.WriteAsync(plain.Body, cancellationToken);
                break;
            case DripAnswer drip:
                var headBytes = Encoding.Latin1.GetBytes(Head(drip.Status, drip.Headers, drip.Body.Length));
                if (!drip.HeadToo)
                {
                    await connection.WriteAsync(headBytes, cancellationToken);
                    headBytes = [];
                }
                foreach (var b in headBytes.Concat(drip.Body))
                {
                    await connection.WriteAsync(new[] { b }, cancellationToken);
                    await Task.Delay(drip.Interval, cancellationToken);
                }
                break;
            case EndlessAnswer endless:
                await connection.WriteAsync(Head(endless.Status, endless.Headers, null), cancellationToken);
                await connection.WriteAsync(endless.Prefix, cancellationToken);
                var filler = new byte[EndlessChunk];
                Array.Fill(filler, endless.Filler);
                while (true)
                {
                    await connection.WriteAsync(filler, cancellationToken);
                    Interlocked.Add(ref _endlessBytes, filler.Length);
                }
        }
        connection.Close();
    }

    /// <summary>A response head; without a length the body runs until the connection closes.</summary>
    private static string Head(int status, IEnumerable<KeyValuePair<string, string>> headers, int? length)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {UpstreamResponse.Reason(status)}\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }
        if (length is { } known)
        {
            text.Append(CultureInfo.InvariantCulture, $"Content-Length: {known}\r\n");
        }
        text.Append("Connection: close\r\n\r\n");
        return text.ToString();
    }
}

/// <summary>A request as <see cref="HostileHttpServer"/> received it.</summary>
public sealed record HostileRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public string? Header(string name) => HeaderList.First(Headers, name);
}
