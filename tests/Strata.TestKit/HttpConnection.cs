using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Strata.TestKit;

/// <summary>
/// One accepted connection speaking just enough HTTP/1.1 for the loopback test servers: one request in, one response
/// out, then closed, gracefully or with a reset.
/// </summary>
internal sealed class HttpConnection : IAsyncDisposable
{
    private const int MaxLineBytes = 16 * 1024;
    private const int MaxHeaderLines = 200;
    private const long MaxBodyBytes = 1L << 30;
    private const byte TlsHandshake = 0x16;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _closed;

    public HttpConnection(Socket socket)
    {
        _socket = socket;
        _socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: false);
    }

    /// <summary>
    /// Reads a request's head and whole body; null when the client closed without sending one, or opened with a TLS
    /// handshake (registry clients told to skip verification try HTTPS first, then fall back to plain HTTP).
    /// </summary>
    public async Task<HttpRequestHead?> ReadRequestAsync(CancellationToken cancellationToken)
    {
        if (!await FillAsync(cancellationToken) || _buffer[0] == TlsHandshake)
        {
            return null;
        }
        string? requestLine;
        do
        {
            requestLine = await ReadLineAsync(cancellationToken);
            if (requestLine is null)
            {
                return null;
            }
        }
        while (requestLine.Length == 0);
        var headers = new List<KeyValuePair<string, string>>();
        while (await ReadLineAsync(cancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || headers.Count >= MaxHeaderLines)
            {
                throw new InvalidDataException("Malformed request header: " + line);
            }
            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        var request = HttpRequestHead.Parse(requestLine, headers);
        if (string.Equals(request.Header("Expect"), "100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await WriteAsync("HTTP/1.1 100 Continue\r\n\r\n", cancellationToken);
        }
        request.Body = request.Chunked
            ? await ReadChunkedBodyAsync(cancellationToken)
            : request.ContentLength is { } length ? await ReadBytesAsync(length, cancellationToken) : null;
        return request;
    }

    public Task WriteHeadAsync(int status, string reason, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }
        head.Append("Connection: close\r\n\r\n");
        return WriteAsync(head.ToString(), cancellationToken);
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        _stream.WriteAsync(bytes, cancellationToken);

    public async Task WriteAsync(string text, CancellationToken cancellationToken) =>
        await _stream.WriteAsync(Encoding.Latin1.GetBytes(text), cancellationToken);

    /// <summary>Ends the response with a FIN: whatever was sent is all the client gets.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }
        _closed = true;
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
        }
        _socket.Close();
    }

    /// <summary>Aborts the connection with a RST, as a crashed server or a middlebox would.</summary>
    public void Reset()
    {
        if (_closed)
        {
            return;
        }
        _closed = true;
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    public async ValueTask DisposeAsync()
    {
        Close();
        await _stream.DisposeAsync();
        _socket.Dispose();
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                return line.Count == 0 ? null : throw new EndOfStreamException("The client closed the connection mid-line");
            }
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            line.AddRange(_buffer.AsSpan(_start, stop - _start));
            if (line.Count > MaxLineBytes)
            {
                throw new InvalidDataException($"A request line or header is over {MaxLineBytes} bytes");
            }
            if (newline >= 0)
            {
                _start = newline + 1;
                var count = line.Count > 0 && line[^1] == '\r' ? line.Count - 1 : line.Count;
                return Encoding.Latin1.GetString([.. line], 0, count);
            }
            _start = _end;
        }
    }

    private async Task<byte[]> ReadBytesAsync(long length, CancellationToken cancellationToken)
    {
        if (length > MaxBodyBytes)
        {
            throw new InvalidDataException($"A request body of {length} bytes is over the {MaxBodyBytes}-byte limit");
        }
        var bytes = new byte[length];
        var filled = 0;
        while (filled < bytes.Length)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                throw new EndOfStreamException($"The client closed the connection after {filled} of {length} body bytes");
            }
            var count = Math.Min(_end - _start, bytes.Length - filled);
            _buffer.AsSpan(_start, count).CopyTo(bytes.AsSpan(filled));
            _start += count;
            filled += count;
        }
        return bytes;
    }

    private async Task<byte[]> ReadChunkedBodyAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The client closed the connection mid-body");
            var extension = sizeLine.IndexOf(';', StringComparison.Ordinal);
            var size = long.Parse(extension < 0 ? sizeLine.Trim() : sizeLine[..extension].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                while (await ReadLineAsync(cancellationToken) is { Length: > 0 })
                {
                }
                return body.ToArray();
            }
            if (body.Length + size > MaxBodyBytes)
            {
                throw new InvalidDataException($"A chunked request body is over the {MaxBodyBytes}-byte limit");
            }
            body.Write(await ReadBytesAsync(size, cancellationToken));
            if (await ReadLineAsync(cancellationToken) is not { Length: 0 })
            {
                throw new InvalidDataException("A chunk is not followed by CRLF");
            }
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await _stream.ReadAsync(_buffer, cancellationToken);
        return _end > 0;
    }
}
