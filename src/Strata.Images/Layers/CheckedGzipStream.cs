using System.Buffers;
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
/// <remarks>
/// zlib itself checks each member's CRC-32 and length when it reaches the member's end, so a trailer whose length is
/// the whole output's is the end of a one-member stream, checked already; a stream cut short would have to end in
/// eight deflate bytes that happen to spell that length. The CRC-32 is computed here only for a last member shorter
/// than the output, over the window; and when the blob's size is known, the window is filled only from the last 8 MiB
/// of compressed input on, as no earlier output can belong to a last member small enough to be checked.
/// </remarks>
internal sealed class CheckedGzipStream : IO.ReadOnlyStream
{
    private readonly GzipFraming _framing;
    private readonly GZipStream _gzip;
    private readonly string _layerName;
    private const int TailWindow = 1 << 20;

    // A member whose output fits the window takes little more compressed bytes than the window (stored blocks, header,
    // trailer); the rest is slack for the input one read takes in while giving a chunk of output.
    private const long TailInput = 8 * TailWindow;

    // Rented when output is first kept: a fresh one per layer would be large-object garbage, each a full collection's worth.
    private byte[]? _window;
    private readonly long _keepFrom;
    private long _length;
    private bool _ended;

    /// <param name="compressed">The gzip stream.</param>
    /// <param name="layerName">The layer, for messages.</param>
    /// <param name="compressedLength">The stream's length where known, so that only its tail's output is kept.</param>
    public CheckedGzipStream(Stream compressed, string layerName, long? compressedLength = null)
    {
        _framing = new GzipFraming(compressed);
        _gzip = new GZipStream(_framing, CompressionMode.Decompress);
        _layerName = layerName;
        _keepFrom = compressedLength is { } length ? Math.Max(0, length - TailInput) : 0;
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
        // Decided before the read: a read may take in far more input than the output it gives.
        var keep = _framing.BytesRead >= _keepFrom;
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
            if (keep)
            {
                Keep(buffer[..read]);
            }
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
        if (size == (uint)_length)
        {
            return true;
        }
        if (size > _length)
        {
            return false;
        }
        if (size > TailWindow)
        {
            // Too large to check here. Taking it on trust would pass most streams cut after their deflate data: the
            // last byte there is mostly padding, so the would-be length is small. Only joined members this large are
            // lost, to a warning, and the diff_id still decides whether the content is whole.
            return false;
        }
        if (_window is null)
        {
            return size == 0 && crc == 0; // nothing was kept: only an empty last member can be checked
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
        if (_window is null)
        {
            _window = ArrayPool<byte>.Shared.Rent(TailWindow);
            Array.Clear(_window); // a window place never written must not hold another layer's bytes
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
            if (_window is not null)
            {
                ArrayPool<byte>.Shared.Return(_window);
                _window = null;
            }
        }
        base.Dispose(disposing);
    }
}
