using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Strata.TestKit;

/// <summary>
/// A registry stand-in on 127.0.0.1, on <see cref="HttpListener"/> (an HTTP stack other than the proxy's): it answers
/// <c>/v2/</c>, serves one blob and whatever else it is given by path with Content-Length, single byte ranges and
/// Docker-Content-Digest, stores what is PUT (answering with an absolute Location, as registries do), and logs every request.
/// </summary>
public sealed class StaticBlobServer : IAsyncDisposable, IDisposable
{
    private const int PortAttempts = 20;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpListener _listener;
    private readonly ConcurrentDictionary<string, Served> _content = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _handlers = new();
    private readonly RequestLog _log = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _disposed;

    private StaticBlobServer(HttpListener listener, int port, byte[] blob, string repository)
    {
        _listener = listener;
        Host = $"127.0.0.1:{port}";
        BaseUri = new Uri($"http://{Host}/");
        Blob = blob;
        Digest = OciImageBuilder.Sha256(blob);
        BlobPath = $"/v2/{repository}/blobs/{Digest}";
        Serve(BlobPath, blob);
        _accepting = AcceptAsync();
    }

    public Uri BaseUri { get; }

    public string Host { get; }

    public byte[] Blob { get; }

    /// <summary><c>sha256:…</c> of <see cref="Blob"/>.</summary>
    public string Digest { get; }

    /// <summary><c>/v2/REPOSITORY/blobs/sha256:…</c></summary>
    public string BlobPath { get; }

    public Uri BlobUri => new(BaseUri, BlobPath);

    public IReadOnlyList<ProxiedRequest> Requests => _log.Snapshot();

    public static StaticBlobServer Start(byte[] blob, string repository = "x")
    {
        ArgumentNullException.ThrowIfNull(blob);
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new StaticBlobServer(listener, port, blob, repository);
            }
            catch (HttpListenerException) when (attempt < PortAttempts)
            {
                CloseQuietly(listener);
            }
        }
    }

    /// <summary>
    /// Closes once: the managed HttpListener binds its port again to unregister a listener that Stop already
    /// unregistered, and fails if another socket took the port meanwhile.
    /// </summary>
    private static void CloseQuietly(HttpListener listener)
    {
        try
        {
            listener.Close();
        }
        catch (HttpListenerException)
        {
        }
    }

    /// <summary>Serves <paramref name="content"/> at <paramref name="path"/> from now on; chunked leaves out Content-Length.</summary>
    public void Serve(string path, byte[] content, string contentType = "application/octet-stream", bool chunked = false) =>
        _content[path] = new Served(content, contentType, chunked, null, null);

    /// <summary>
    /// Serves <paramref name="content"/> as a static file host does: with an ETag and a Last-Modified, answering 304
    /// to a GET whose If-None-Match names the ETag or, without If-None-Match, whose If-Modified-Since is not older.
    /// </summary>
    public void ServeFile(string path, byte[] content, string etag, DateTimeOffset lastModified, string contentType = "application/zip") =>
        _content[path] = new Served(content, contentType, false, etag, lastModified);

    /// <summary>What is served at <paramref name="path"/> (what was PUT there, say), or null.</summary>
    public byte[]? Content(string path) => _content.TryGetValue(path, out var served) ? served.Bytes : null;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stopping.CancelAsync();
        CloseQuietly(_listener);
        await _accepting;
        try
        {
            await Task.WhenAll(_handlers.Keys).WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
        }
        _stopping.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var handler = new Task<Task>(() => HandleAsync(context));
            var unwrapped = handler.Unwrap();
            _handlers[unwrapped] = 0;
            _ = unwrapped.ContinueWith(t => _handlers.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            handler.Start(TaskScheduler.Default);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            await RespondAsync(context.Request, response, _stopping.Token);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            response.Abort();
        }
    }

    private async Task RespondAsync(HttpListenerRequest request, HttpListenerResponse response, CancellationToken cancellationToken)
    {
        var target = request.RawUrl ?? "/";
        var path = target.Split('?')[0];
        var headers = request.Headers.AllKeys.OfType<string>()
            .SelectMany(name => (request.Headers.GetValues(name) ?? []).Select(value => new KeyValuePair<string, string>(name, value)))
            .ToList();
        byte[]? body = null;
        if (request.HasEntityBody)
        {
            using var buffer = new MemoryStream();
            await request.InputStream.CopyToAsync(buffer, cancellationToken);
            body = buffer.ToArray();
        }
        var chunked = request.Headers["Transfer-Encoding"]?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;
        var entry = _log.Add(new ProxiedRequest(request.HttpMethod, target, headers, body?.Length, chunked));
        switch (request.HttpMethod)
        {
            case "GET" or "HEAD" when path is "/v2/" or "/v2":
                await WriteAsync(response, entry, 200, "application/json", "{}"u8.ToArray(), request.HttpMethod, cancellationToken);
                break;
            case "GET" or "HEAD" when _content.TryGetValue(path, out var served):
                await ServeAsync(request, response, entry, served, cancellationToken);
                break;
            case "GET" or "HEAD":
                await WriteAsync(response, entry, 404, "application/json",
                    Encoding.UTF8.GetBytes($$"""{"errors":[{"code":"BLOB_UNKNOWN","message":"nothing at {{path}}"}]}"""), request.HttpMethod, cancellationToken);
                break;
            case "PUT":
                var stored = body ?? [];
                Serve(path, stored, request.ContentType ?? "application/octet-stream");
                response.AddHeader("Location", new Uri(BaseUri, path).AbsoluteUri);
                response.AddHeader("Docker-Content-Digest", OciImageBuilder.Sha256(stored));
                await WriteAsync(response, entry, 201, null, ReadOnlyMemory<byte>.Empty, request.HttpMethod, cancellationToken);
                break;
            default:
                response.AddHeader("Allow", "GET, HEAD, PUT");
                await WriteAsync(response, entry, 405, null, ReadOnlyMemory<byte>.Empty, request.HttpMethod, cancellationToken);
                break;
        }
    }

    private static async Task ServeAsync(HttpListenerRequest request, HttpListenerResponse response, ProxiedRequest entry, Served served, CancellationToken cancellationToken)
    {
        var total = served.Bytes.Length;
        var range = ByteRange.Parse(request.Headers["Range"], total);
        response.AddHeader("Accept-Ranges", "bytes");
        response.AddHeader("Docker-Content-Digest", OciImageBuilder.Sha256(served.Bytes));
        if (served.ETag is { } etag && served.LastModified is { } lastModified)
        {
            response.AddHeader("ETag", etag);
            response.AddHeader("Last-Modified", lastModified.ToString("r", CultureInfo.InvariantCulture));
            if (NotModified(request, etag, lastModified))
            {
                await WriteAsync(response, entry, 304, null, ReadOnlyMemory<byte>.Empty, "HEAD", cancellationToken);
                return;
            }
        }
        if (range is { Length: 0 })
        {
            response.AddHeader("Content-Range", $"bytes */{total}");
            await WriteAsync(response, entry, 416, null, ReadOnlyMemory<byte>.Empty, request.HttpMethod, cancellationToken);
            return;
        }
        if (range is { } partial)
        {
            response.AddHeader("Content-Range", partial.ContentRange(total));
        }
        var (start, length) = range is { } r ? ((int)r.Start, (int)r.Length) : (0, total);
        response.SendChunked = served.Chunked;
        await WriteAsync(response, entry, range is null ? 200 : 206, served.ContentType, served.Bytes.AsMemory(start, length), request.HttpMethod, cancellationToken);
    }

    private static async Task WriteAsync(
        HttpListenerResponse response, ProxiedRequest entry, int status, string? contentType, ReadOnlyMemory<byte> body, string method, CancellationToken cancellationToken)
    {
        entry.Answered(status);
        response.StatusCode = status;
        if (contentType is not null)
        {
            response.ContentType = contentType;
        }
        if (!response.SendChunked)
        {
            response.ContentLength64 = body.Length;
        }
        if (method == "HEAD")
        {
            return;
        }
        for (var offset = 0; offset < body.Length; offset += 64 * 1024)
        {
            var slice = body.Slice(offset, Math.Min(64 * 1024, body.Length - offset));
            await response.OutputStream.WriteAsync(slice, cancellationToken);
        }
    }

    /// <summary>RFC 9110's order: If-None-Match decides when present; otherwise If-Modified-Since.</summary>
    private static bool NotModified(HttpListenerRequest request, string etag, DateTimeOffset lastModified)
    {
        if (request.Headers["If-None-Match"] is { } match)
        {
            return match.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == etag);
        }
        return request.Headers["If-Modified-Since"] is { } since
            && DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            && time >= lastModified.AddTicks(-(lastModified.Ticks % TimeSpan.TicksPerSecond));
    }

    private sealed record Served(byte[] Bytes, string ContentType, bool Chunked, string? ETag, DateTimeOffset? LastModified);
}
