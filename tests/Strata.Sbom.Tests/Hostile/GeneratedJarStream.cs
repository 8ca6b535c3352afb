namespace Strata.Sbom.Tests.Hostile;

/// <summary>A <see cref="GeneratedJar"/> read as a seekable stream, so a tar writer can take it as an entry's data without it being built.</summary>
internal sealed class GeneratedJarStream(GeneratedJar jar) : Stream
{
    private readonly IReadOnlyList<(byte[] Bytes, long Zeros)> _parts = jar.Parts;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length { get; } = jar.Length;

    public override long Position { get; set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        var partStart = 0L;
        foreach (var (bytes, zeros) in _parts)
        {
            var partLength = bytes.Length + zeros;
            while (written < count && Position >= partStart && Position < partStart + partLength)
            {
                var within = Position - partStart;
                int step;
                if (within < bytes.Length)
                {
                    step = (int)Math.Min(count - written, bytes.Length - within);
                    Array.Copy(bytes, within, buffer, offset + written, step);
                }
                else
                {
                    step = (int)Math.Min(count - written, partLength - within);
                    Array.Clear(buffer, offset + written, step);
                }
                written += step;
                Position += step;
            }
            partStart += partLength;
        }
        return written;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => Position + offset,
        _ => Length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
