using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.TestKit.Browser;

/// <summary>One event the browser sent: its method, parameters and the session (page) it belongs to.</summary>
public sealed record DevToolsEvent(string Method, JsonElement Params, string? SessionId);

/// <summary>
/// The Chrome DevTools protocol over one WebSocket: commands answered by id, events kept in arrival order. A small
/// client of the protocol's JSON messages, enough for loading a page, evaluating script, clicking and screenshots.
/// </summary>
internal sealed class DevToolsConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly List<DevToolsEvent> _events = [];
    private readonly CancellationTokenSource _closing = new();
    private int _nextId;
    private Task _reader = Task.CompletedTask;

    public event Action<DevToolsEvent>? EventReceived;

    public static async Task<DevToolsConnection> ConnectAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var connection = new DevToolsConnection();
        connection._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await connection._socket.ConnectAsync(endpoint, cancellationToken);
        connection._reader = Task.Run(connection.ReadLoopAsync, CancellationToken.None);
        return connection;
    }

    public IReadOnlyList<DevToolsEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Sends a command and waits for its answer; an error answer throws with the browser's message.</summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters, string? sessionId, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        using var registration = cancellationToken.Register(() => answer.TrySetCanceled(cancellationToken));
        var result = await answer.Task;
        if (result.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"DevTools {method}: {error}");
        }
        return result.GetProperty("result").Clone();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }
                Dispatch(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The browser went away or the connection is closing: every waiting command fails below.
        }
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new InvalidOperationException("the browser closed the DevTools connection"));
        }
    }

    private void Dispatch(JsonElement message)
    {
        if (message.TryGetProperty("id", out var id))
        {
            if (_pending.TryRemove(id.GetInt32(), out var answer))
            {
                answer.TrySetResult(message);
            }
            return;
        }
        var sessionId = message.TryGetProperty("sessionId", out var session) ? session.GetString() : null;
        var received = new DevToolsEvent(
            message.GetProperty("method").GetString() ?? "",
            message.TryGetProperty("params", out var parameters) ? parameters : default,
            sessionId);
        lock (_events)
        {
            _events.Add(received);
        }
        EventReceived?.Invoke(received);
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }
        _socket.Dispose();
        _closing.Dispose();
    }
}
