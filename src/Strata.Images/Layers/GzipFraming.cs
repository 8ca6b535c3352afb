namespace Strata.Images.Layers;

/// <summary>
/// Watches the compressed bytes of a gzip stream go past (RFC 1952): follows its first header field by field, so
/// that a header that never ends can be named, and keeps the last eight bytes, where the trailer should be.
/// </summary>
internal sealed class GzipFraming(Stream inner) : IO.ReadOnlyStream
{
    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;

    private readonly byte[] _tail = new byte[8];
    private int _fixedRead;
    private byte _flags;
    private int _extraLengthRead;
    private int _extraLeft;
    private int _headerCrcLeft = -1;
    private Field _field = Field.Fixed;

    private enum Field
    {
        Fixed,
        ExtraLength,
        Extra,
        Name,
        Comment,
        HeaderCrc,
        Done,
    }

    public long BytesRead { get; private set; }

    /// <summary>Null once the header is whole; else the field the input ended in.</summary>
    public string? UnfinishedHeaderField => _field switch
    {
        Field.Done => null,
        Field.Fixed => "its fixed 10-byte part",
        Field.ExtraLength or Field.Extra => "its extra field (FEXTRA)",
        Field.Name => "its file-name field (FNAME), which never ends",
        Field.Comment => "its comment field (FCOMMENT), which never ends",
        _ => "its header checksum (FHCRC)",
    };

    /// <summary>The last eight bytes read (all of them if fewer were read).</summary>
    public ReadOnlySpan<byte> Tail => BytesRead >= 8 ? _tail : _tail.AsSpan(8 - (int)BytesRead);

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        var bytes = buffer[..read];
        if (_field != Field.Done)
        {
            foreach (var b in bytes)
            {
                Follow(b);
                if (_field == Field.Done)
                {
                    break;
                }
            }
        }
        Remember(bytes);
        BytesRead += read;
        return read;
    }

    private void Remember(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 8)
        {
            bytes[^8..].CopyTo(_tail);
            return;
        }
        _tail.AsSpan(bytes.Length).CopyTo(_tail);
        bytes.CopyTo(_tail.AsSpan(8 - bytes.Length));
    }

    private void Follow(byte b)
    {
        switch (_field)
        {
            case Field.Fixed:
                if (_fixedRead == 3)
                {
                    _flags = b;
                }
                if (++_fixedRead == 10)
                {
                    Next(Field.ExtraLength);
                }
                break;
            case Field.ExtraLength:
                _extraLeft |= b << (8 * _extraLengthRead);
                if (++_extraLengthRead == 2)
                {
                    _field = Field.Extra;
                    if (_extraLeft == 0)
                    {
                        Next(Field.Name);
                    }
                }
                break;
            case Field.Extra:
                if (--_extraLeft == 0)
                {
                    Next(Field.Name);
                }
                break;
            case Field.Name:
                if (b == 0)
                {
                    Next(Field.Comment);
                }
                break;
            case Field.Comment:
                if (b == 0)
                {
                    Next(Field.HeaderCrc);
                }
                break;
            case Field.HeaderCrc:
                if (--_headerCrcLeft == 0)
                {
                    _field = Field.Done;
                }
                break;
        }
    }

    /// <summary>Moves to <paramref name="field"/>, or past it when the flags say the header has none.</summary>
    private void Next(Field field)
    {
        _field = field;
        if (_field == Field.ExtraLength && (_flags & FlagExtra) == 0)
        {
            _field = Field.Name;
        }
        if (_field == Field.Name && (_flags & FlagName) == 0)
        {
            _field = Field.Comment;
        }
        if (_field == Field.Comment && (_flags & FlagComment) == 0)
        {
            _field = Field.HeaderCrc;
        }
        if (_field == Field.HeaderCrc)
        {
            _headerCrcLeft = 2;
            if ((_flags & FlagHeaderCrc) == 0)
            {
                _field = Field.Done;
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
