using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Strata.Images.Layers;

/// <summary>
/// Inflates a gzip layer and judges how it ends, which .NET's <see cref="GZipStream"/> does not: a stream cut short
/// simply stops. A header that never ends is an error naming the field; a stream whose last eight bytes are not the
/// CRC-32 and length of what came out is flagged, for the layer's diff_id to settle whether the content is whole.
/// </summary>
internal sealed class CheckedGzipStream : IO.ReadOnlyStream
{
    private readonly GzipFraming _framing;
    private readonly GZipStream _gzip;
    private readonly string _layerName;
    private readonly Crc32 _crc = new();
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
        EndedWithoutTrailer = tail.Length < 8
            || BinaryPrimitives.ReadUInt32LittleEndian(tail) != _crc.GetCurrentHashAsUInt32()
            || BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]) != (uint)_length;
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
