using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Strata.TestKit;

/// <summary>
/// Accepts connections on a loopback address and serves each on a task of its own, for at most a bounded time.
/// Disposing stops listening, aborts every open connection and waits for their tasks, which never throw.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly TcpListener _listener;
    private readonly Func<HttpConnection, CancellationToken, Task> _serve;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Socket, Task> _connections = new();
    private readonly ConcurrentQueue<Exception> _errors = new();
    private readonly Task _accepting;
    private int _disposed;

    private LoopbackServer(TcpListener listener, Func<HttpConnection, CancellationToken, Task> serve)
    {
        _listener = listener;
        _serve = serve;
        var endPoint = (IPEndPoint)listener.LocalEndpoint;
        Host = $"{endPoint.Address}:{endPoint.Port}";
        BaseUri = new Uri($"http://{Host}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseUri { get; }

    /// <summary>Address and port, as a Host header or an image reference names them.</summary>
    public string Host { get; }

    /// <summary>What went wrong serving a connection, other than a client going away or the server stopping.</summary>
    public IReadOnlyList<Exception> Errors => [.. _errors];

    public static LoopbackServer Start(IPAddress address, Func<HttpConnection, CancellationToken, Task> serve)
    {
        var listener = new TcpListener(address, 0);
        listener.Start();
        return new LoopbackServer(listener, serve);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        foreach (var socket in _connections.Keys)
        {
            socket.Dispose();
        }
        try
        {
            await Task.WhenAll(_connections.Values).WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
        }
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var serving = new Task<Task>(() => ServeAsync(socket));
            _connections[socket] = serving.Unwrap();
            serving.Start(TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            lifetime.CancelAfter(ConnectionLifetime);
            await using var connection = new HttpConnection(socket);
            await _serve(connection, lifetime.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            _errors.Enqueue(e);
        }
        finally
        {
            socket.Dispose();
            _connections.TryRemove(socket, out _);
        }
    }
}
