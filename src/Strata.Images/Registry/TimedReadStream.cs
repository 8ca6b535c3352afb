namespace Strata.Images.Registry;

/// <summary>
/// A response body stream whose every read runs under a <see cref="RequestTimer"/>. Synchronous reads go through the
/// asynchronous path, the only one a stalled socket can be cancelled on.
/// </summary>
internal sealed class TimedReadStream(Stream inner, RequestTimer timer, string what, Uri url) : IO.ReadOnlyStream
{
    public override int Read(Span<byte> buffer)
    {
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length, 81920));
        try
        {
            var read = ReadAsync(rented.AsMemory(0, Math.Min(buffer.Length, rented.Length)), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            rented.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            var read = await inner.ReadAsync(buffer, linked.Token);
            timer.Progress(read);
            return read;
        }
        catch (OperationCanceledException) when (timer.Expired && !cancellationToken.IsCancellationRequested)
        {
            throw new StrataException($"{what}: {url}: {timer.Reason}");
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
