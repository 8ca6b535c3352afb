namespace Strata.Images.Layers;

/// <summary>
/// Passes a tar stream through, following its framing (headers, data rounded up to 512 bytes, PAX size overrides,
/// GNU long names and sparse extension blocks), so that each header is checked by a <see cref="TarHeaderInspector"/>
/// before the tar reader above sees it. Old GNU sparse files reach that reader as regular files of their stored bytes.
/// Where the input ends early, what there is is passed on, so the reader above reports where the tar was cut.
/// </summary>
internal sealed class TarCheckingStream(Stream inner, string place, bool leaveOpen = false) : IO.ReadOnlyStream
{
    private const int Block = TarHeaderInspector.BlockSize;

    private readonly TarHeaderInspector _inspector = new(place);
    private byte[] _pending = new byte[Block];
    private int _pendingStart;
    private int _pendingEnd;
    private long _dataLeft;
    private long _sparseDataLength = -1;
    private bool _passThrough;

    /// <summary>Headers checked so far.</summary>
    public int HeadersChecked => _inspector.Count;

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            if (_pendingStart < _pendingEnd)
            {
                var n = Math.Min(buffer.Length, _pendingEnd - _pendingStart);
                _pending.AsSpan(_pendingStart, n).CopyTo(buffer);
                _pendingStart += n;
                return n;
            }
            if (_passThrough || buffer.IsEmpty)
            {
                return inner.Read(buffer);
            }
            if (_dataLeft > 0)
            {
                var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, _dataLeft)]);
                _dataLeft -= read;
                return read;
            }
            if (!ReadNextHeader())
            {
                return 0;
            }
        }
    }

    /// <summary>Checks every header to the end of the archive, seeking over data where the input can seek.</summary>
    public void CheckAll()
    {
        while (!_passThrough)
        {
            _pendingStart = _pendingEnd = 0;
            if (_dataLeft > 0)
            {
                Skip(_dataLeft);
                _dataLeft = 0;
            }
            if (!ReadNextHeader())
            {
                return;
            }
        }
    }

    /// <summary>Reads, checks and queues the next header block (with any metadata it carries); false at the end of input.</summary>
    private bool ReadNextHeader()
    {
        _pendingStart = _pendingEnd = 0;
        var got = Fill(Block);
        if (got < Block)
        {
            _passThrough = true; // cut short: the reader above names where
            return got > 0;
        }
        var block = _pending.AsSpan(0, Block);
        if (_sparseDataLength >= 0)
        {
            // A GNU sparse extension block: its map is not needed to read the stored bytes, so the reader never sees it.
            _pendingEnd = 0;
            if (!TarHeaderInspector.ExtensionContinues(block))
            {
                _dataLeft = Padded(_sparseDataLength);
                _sparseDataLength = -1;
            }
            return true;
        }
        if (!block.ContainsAnyExcept((byte)0))
        {
            _passThrough = true; // the end-of-archive marker: what follows is not read as entries
            return true;
        }
        var framing = _inspector.Inspect(block);
        switch (framing.Role)
        {
            case TarHeaderRole.Metadata:
                var data = (int)Padded(framing.DataLength);
                if (Fill(Block + data) < Block + data)
                {
                    _passThrough = true;
                    return true;
                }
                _inspector.Absorb(framing.TypeFlag, _pending.AsSpan(Block, (int)framing.DataLength));
                break;
            case TarHeaderRole.Sparse when framing.ExtensionFollows:
                _sparseDataLength = framing.DataLength;
                break;
            default:
                _dataLeft = Padded(framing.DataLength);
                break;
        }
        return true;
    }

    /// <summary>Reads into the pending buffer until it holds <paramref name="length"/> bytes or the input ends.</summary>
    private int Fill(int length)
    {
        if (_pending.Length < length)
        {
            Array.Resize(ref _pending, length);
        }
        _pendingEnd += inner.ReadAtLeast(_pending.AsSpan(_pendingEnd, length - _pendingEnd), length - _pendingEnd, throwOnEndOfStream: false);
        return _pendingEnd;
    }

    private void Skip(long count)
    {
        if (inner.CanSeek)
        {
            inner.Seek(Math.Min(count, Math.Max(0, inner.Length - inner.Position)), SeekOrigin.Current);
            return;
        }
        var buffer = new byte[Math.Min(count, 1 << 16)];
        while (count > 0 && inner.Read(buffer, 0, (int)Math.Min(buffer.Length, count)) is > 0 and var read)
        {
            count -= read;
        }
    }

    private static long Padded(long length) => (length + Block - 1) / Block * Block;

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
