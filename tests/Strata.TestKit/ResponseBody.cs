namespace Strata.TestKit;

/// <summary>A response body on its way out, framed by the Content-Length already sent or by chunks.</summary>
internal sealed class ResponseBody(HttpConnection connection, bool chunked)
{
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (bytes.IsEmpty)
        {
            return;
        }
        if (chunked)
        {
            await connection.WriteAsync($"{bytes.Length:x}\r\n", cancellationToken);
        }
        await connection.WriteAsync(bytes, cancellationToken);
        if (chunked)
        {
            await connection.WriteAsync("\r\n", cancellationToken);
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (chunked)
        {
            await connection.WriteAsync("0\r\n\r\n", cancellationToken);
        }
    }
}
