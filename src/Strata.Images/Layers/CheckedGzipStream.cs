using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Strata.Images.Layers;

/// <summary>
/// Inflates a gzip layer and judges how it ends, which .NET's <see cref="GZipStream"/> does not: a stream cut short
/// simply stops. A header that never ends is an error naming the field; a stream whose last eight bytes are not the
/// CRC-32 and length of its last member's output is flagged, for the layer's diff_id to settle whether the content is
/// whole. Members' boundaries are not visible here, so the last member is taken to be the output's last ISIZE bytes,
/// checked against a window of recent output (eStargz layers are many members, the last one empty).
/// </summary>
internal sealed class CheckedGzipStream : IO.ReadOnlyStream
{
    private readonly GzipFraming _framing;
    private readonly GZipStream _gzip;
    private readonly string _layerName;
    private const int TailWindow = 1 << 20;

    private readonly Crc32 _crc = new();
    private readonly byte[] _window = new byte[TailWindow];
    private long _length;
    private bool _ended;

    public CheckedGzipStream(Stream compressed, string layerName)
    {
        _framing = new GzipFraming(compressed);
        _gzip = new GZipStream(_framing, CompressionMode.Decompress);
        _layerName = layerName;
    }

    /// <summary>True once the stream has ended without a trailer matching its content (cut short, or several members).</summary>
    public bool EndedWithoutTrailer { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        if (_ended || buffer.IsEmpty)
        {
            return 0;
        }
        int read;
        try
        {
            read = _gzip.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new StrataException($"{_layerName}: corrupt gzip stream ({e.Message})", e);
        }
        if (read > 0)
        {
            _crc.Append(buffer[..read]);
            Keep(buffer[..read]);
            _length += read;
            return read;
        }
        _ended = true;
        JudgeEnd();
        return 0;
    }

    private void JudgeEnd()
    {
        if (_framing.UnfinishedHeaderField is { } field)
        {
            throw new StrataException($"{_layerName}: the gzip stream ends inside its header, in {field}");
        }
        var tail = _framing.Tail;
        EndedWithoutTrailer = tail.Length < 8 || !IsTrailer(
            BinaryPrimitives.ReadUInt32LittleEndian(tail), BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]));
    }

    /// <summary>Whether a CRC-32 and length (mod 2^32) describe the whole output or, for several members, its end.</summary>
    private bool IsTrailer(uint crc, uint size)
    {
        if (size == (uint)_length && crc == _crc.GetCurrentHashAsUInt32())
        {
            return true;
        }
        if (size >= _length)
        {
            return false;
        }
        if (size > TailWindow)
        {
            return true; // a last member too large to check here; the diff_id still verifies the content
        }
        var last = new Crc32();
        var end = (int)(_length % TailWindow);
        var start = end - (int)size;
        if (start >= 0)
        {
            last.Append(_window.AsSpan(start, (int)size));
        }
        else
        {
            last.Append(_window.AsSpan(TailWindow + start));
            last.Append(_window.AsSpan(0, end));
        }
        return last.GetCurrentHashAsUInt32() == crc;
    }

    /// <summary>Keeps the last <see cref="TailWindow"/> bytes of output in a ring: output byte N sits at N mod the window.</summary>
    private void Keep(ReadOnlySpan<byte> chunk)
    {
        var offset = _length;
        if (chunk.Length > TailWindow)
        {
            offset += chunk.Length - TailWindow;
            chunk = chunk[^TailWindow..];
        }
        var at = (int)(offset % TailWindow);
        var first = Math.Min(chunk.Length, TailWindow - at);
        chunk[..first].CopyTo(_window.AsSpan(at));
        chunk[first..].CopyTo(_window);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }
        base.Dispose(disposing);
    }
}
