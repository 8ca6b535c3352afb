using System.IO.Compression;
using System.IO.Hashing;

namespace Strata.Images.Layers;

/// <summary>
/// Writes one gzip member with a fixed header (no name, mtime 0, OS "unknown"), its deflate data made of 1 MiB pieces
/// compressed in parallel and joined by sync flushes, as pigz does but without carrying the window from one piece to
/// the next. So the bytes depend on the tar and the level only, never on the machine, its cores or the write sizes;
/// any gzip reader reads them as one stream. (The runtime's GZipStream takes its header from the zlib build.)
/// </summary>
internal sealed class DeterministicGzipStream : IO.WriteOnlyStream
{
    /// <summary>The uncompressed size of every piece but the last: part of the format's definition, never tuned per machine.</summary>
    internal const int PieceSize = 1 << 20;

    private static readonly byte[] Header = [0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff];

    private readonly Stream _target;
    private readonly int _level;
    private readonly Crc32 _crc = new();
    private readonly Queue<Task<byte[]>> _pending = new();
    private readonly int _maxPending = Math.Max(2, 2 * Environment.ProcessorCount);
    private byte[] _piece = new byte[PieceSize];
    private int _filled;
    private long _length;
    private bool _closed;

    public DeterministicGzipStream(Stream target, int level)
    {
        _target = target;
        _level = level;
        _target.Write(Header);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _crc.Append(buffer);
        _length += buffer.Length;
        while (buffer.Length > 0)
        {
            var take = Math.Min(buffer.Length, PieceSize - _filled);
            buffer[..take].CopyTo(_piece.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
            if (_filled == PieceSize)
            {
                Submit(last: false);
            }
        }
    }

    private void Submit(bool last)
    {
        var (piece, count, level) = (_piece, _filled, _level);
        _piece = last ? [] : new byte[PieceSize];
        _filled = 0;
        _pending.Enqueue(Task.Run(() => Deflate(piece, count, level, last)));
        while (_pending.Count > _maxPending)
        {
            WriteOldest();
        }
    }

    private void WriteOldest() => _target.Write(_pending.Dequeue().GetAwaiter().GetResult());

    /// <summary>
    /// One piece as raw deflate on its own. A piece before the last ends with a sync flush (an empty stored block, on a
    /// byte boundary), and what closing the compressor adds after it is cut off; the last piece ends the stream.
    /// </summary>
    private static byte[] Deflate(byte[] piece, int count, int level, bool last)
    {
        using var output = new MemoryStream(count / 2 + 64);
        var deflate = new DeflateStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true);
        deflate.Write(piece, 0, count);
        if (last)
        {
            deflate.Dispose();
            return output.ToArray();
        }
        deflate.Flush();
        var flushed = (int)output.Length;
        deflate.Dispose();
        return output.GetBuffer().AsSpan(0, flushed).ToArray();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closed)
        {
            _closed = true;
            Submit(last: true);
            while (_pending.Count > 0)
            {
                WriteOldest();
            }
            Span<byte> trailer = stackalloc byte[8];
            _crc.GetCurrentHash(trailer[..4]);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)_length));
            _target.Write(trailer);
        }
        base.Dispose(disposing);
    }
}
