namespace Strata.Images.IO;

/// <summary>
/// A forward-only stream that writes through to <paramref name="target"/>, telling <see cref="Passed"/> of every chunk
/// (to hash it, or to count it as progress); subclasses implement that and nothing else. The target is closed with
/// this stream unless <paramref name="leaveOpen"/>.
/// </summary>
public abstract class WriteThroughStream(Stream target, bool leaveOpen = true) : WriteOnlyStream
{
    /// <summary>Hears each chunk once it has been written to the target.</summary>
    protected abstract void Passed(ReadOnlySpan<byte> chunk);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        target.Write(buffer);
        Passed(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await target.WriteAsync(buffer, cancellationToken);
        Passed(buffer.Span);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => target.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => target.FlushAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            target.Dispose();
        }
        base.Dispose(disposing);
    }
}
