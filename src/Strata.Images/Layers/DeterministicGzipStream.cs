using System.IO.Compression;
using System.IO.Hashing;

namespace Strata.Images.Layers;

/// <summary>
/// Writes gzip with a fixed header (no name, mtime 0, OS "unknown") around raw deflate, so the same tar and level give
/// the same bytes on every machine; the runtime's GZipStream takes its header from the zlib build.
/// </summary>
internal sealed class DeterministicGzipStream : Stream
{
    private static readonly byte[] Header = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff];

    private readonly Stream _target;
    private readonly DeflateStream _deflate;
    private readonly Crc32 _crc = new();
    private long _length;
    private bool _closed;

    public DeterministicGzipStream(Stream target, int level)
    {
        _target = target;
        _target.Write(Header);
        _deflate = new DeflateStream(target, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _deflate.Write(buffer);
        _crc.Append(buffer);
        _length += buffer.Length;
    }

    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed)
        {
            _closed = true;
            _deflate.Dispose();
            Span<byte> trailer = stackalloc byte[8];
            _crc.GetCurrentHash(trailer[..4]);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)_length));
            _target.Write(trailer);
        }
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
