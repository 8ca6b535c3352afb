using Strata.Images.IO;

namespace Strata.Cli.Commands;

/// <summary>
/// A blob being transferred: tells <paramref name="position"/> how far it has got, and stops at the next read once
/// <paramref name="cancellationToken"/> is signalled (Ctrl+C), whether the reader asked for that or not.
/// </summary>
internal sealed class ProgressReadStream(Stream inner, Action<long> position, CancellationToken cancellationToken) : ReadOnlyStream
{
    private long _read;

    public override int Read(Span<byte> buffer)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Advance(inner.Read(buffer));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken readCancellation = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Advance(await inner.ReadAsync(buffer, readCancellation));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken readCancellation) =>
        ReadAsync(buffer.AsMemory(offset, count), readCancellation).AsTask();

    private int Advance(int read)
    {
        _read += read;
        position(_read);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
