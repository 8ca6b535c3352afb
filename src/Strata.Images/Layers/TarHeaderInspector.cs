using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;

namespace Strata.Images.Layers;

/// <summary>What follows a tar header that passed inspection.</summary>
internal enum TarHeaderRole
{
    /// <summary>A file, folder, link or device: its data (if any) follows.</summary>
    Entry,

    /// <summary>A PAX extended header or a GNU long name or link: its data describes the next entry.</summary>
    Metadata,

    /// <summary>An old-style GNU sparse file, read as a regular file of its stored bytes; extension blocks may follow.</summary>
    Sparse,
}

/// <summary>The framing a checked header gives: what it is and how many bytes of data follow it (before padding).</summary>
internal readonly record struct TarHeaderFraming(TarHeaderRole Role, byte TypeFlag, long DataLength, bool ExtensionFollows);

/// <summary>
/// Checks tar headers one by one as POSIX ustar defines them (checksum, numeric fields, data on types that carry
/// none) and works out where the next header starts, following PAX <c>size</c> overrides. It also refuses PAX
/// headers and GNU long names or links too large to be real, before their data is read.
/// </summary>
internal sealed class TarHeaderInspector(string place)
{
    public const int BlockSize = 512;

    /// <summary>No real path or link target comes near this; a longer one is hostile.</summary>
    public const int MaxNameBytes = 64 * 1024;

    /// <summary>PAX headers carry names, times and extended attributes: a few KiB in real images.</summary>
    public const int MaxPaxHeaderBytes = 1024 * 1024;

    private const int ChecksumOffset = 148;
    private const int TypeFlagOffset = 156;
    private const int GnuIsExtendedOffset = 482;
    private const int ExtensionIsExtendedOffset = 504;

    // The previous entry's header and the long name or PAX path that named it: its label is made only for a message.
    private readonly byte[] _previousBlock = new byte[BlockSize];
    private string? _previousName;
    private bool _hasPrevious;
    private string _metadataHeader = "";
    private string? _longName;
    private string? _paxPath;
    private long? _paxSize;

    /// <summary>Headers inspected so far, metadata headers included.</summary>
    public int Count { get; private set; }

    /// <summary>Checks one header block; an old GNU sparse header is rewritten in place as a regular file.</summary>
    public TarHeaderFraming Inspect(Span<byte> block)
    {
        var typeFlag = block[TypeFlagOffset];
        CheckChecksum(block);
        var size = Number(block, 124, 12, "size", allowBase256: true);
        Number(block, 100, 8, "mode", allowBase256: false);
        Number(block, 108, 8, "uid", allowBase256: true);
        Number(block, 116, 8, "gid", allowBase256: true);
        Number(block, 136, 12, "mtime", allowBase256: true);
        Count++;
        switch (typeFlag)
        {
            case (byte)'x' or (byte)'g' or (byte)'X' or (byte)'L' or (byte)'K':
                _metadataHeader = Label(block);
                break;
        }
        switch (typeFlag)
        {
            case (byte)'x' or (byte)'g' or (byte)'X':
                if (size > MaxPaxHeaderBytes)
                {
                    throw Defect(block, $"PAX extended header of {size} bytes is over the {MaxPaxHeaderBytes}-byte limit");
                }
                return new TarHeaderFraming(TarHeaderRole.Metadata, typeFlag, size, false);
            case (byte)'L' or (byte)'K':
                if (size > MaxNameBytes)
                {
                    var what = typeFlag == 'L' ? "long name" : "long link target";
                    throw Defect(block, $"GNU {what} of {size} bytes is over the {MaxNameBytes}-byte limit for names");
                }
                return new TarHeaderFraming(TarHeaderRole.Metadata, typeFlag, size, false);
        }
        var length = _paxSize ?? size;
        if (typeFlag is >= (byte)'1' and <= (byte)'6' && length > 0)
        {
            throw Defect(block, $"a {KindName(typeFlag)} entry carries {length} bytes of data; only files have data");
        }
        _previousName = _longName ?? _paxPath;
        block.CopyTo(_previousBlock);
        _hasPrevious = true;
        _longName = null;
        _paxPath = null;
        _paxSize = null;
        if (typeFlag == (byte)'S')
        {
            var extensionFollows = block[GnuIsExtendedOffset] != 0;
            RewriteAsRegularFile(block);
            return new TarHeaderFraming(TarHeaderRole.Sparse, typeFlag, length, extensionFollows);
        }
        return new TarHeaderFraming(TarHeaderRole.Entry, typeFlag, length, false);
    }

    /// <summary>Whether another GNU sparse extension block follows this one.</summary>
    public static bool ExtensionContinues(ReadOnlySpan<byte> block) => block[ExtensionIsExtendedOffset] != 0;

    /// <summary>Takes in a metadata header's data: the long name, link, or PAX records that apply to the next entry.</summary>
    public void Absorb(byte typeFlag, ReadOnlySpan<byte> data)
    {
        switch (typeFlag)
        {
            case (byte)'L':
                _longName = Text(data[..Math.Max(0, IndexOrLength(data, 0))]);
                break;
            case (byte)'x' or (byte)'X':
                AbsorbPax(data);
                break;
        }
    }

    private void AbsorbPax(ReadOnlySpan<byte> data)
    {
        // Records are "LENGTH KEY=VALUE\n"; a malformed one is left for the tar reader to refuse.
        while (!data.IsEmpty)
        {
            var space = data.IndexOf((byte)' ');
            if (space <= 0 || !int.TryParse(data[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || length <= space + 1 || length > data.Length)
            {
                return;
            }
            var record = data[(space + 1)..(length - 1)];
            data = data[length..];
            var equals = record.IndexOf((byte)'=');
            if (equals < 0)
            {
                return;
            }
            var key = record[..equals];
            var value = record[(equals + 1)..];
            if (key.SequenceEqual("path"u8) || key.SequenceEqual("linkpath"u8))
            {
                if (value.Length > MaxNameBytes)
                {
                    throw new StrataException(
                        $"{place}: tar header of entry '{Printable(_metadataHeader)}' {After()}: PAX {Encoding.ASCII.GetString(key)} of {value.Length} bytes is over the {MaxNameBytes}-byte limit for names");
                }
                if (key[0] == (byte)'p')
                {
                    _paxPath = Text(value);
                }
            }
            else if (key.SequenceEqual("size"u8))
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                {
                    throw new StrataException(
                        $"{place}: tar header of entry '{Printable(_metadataHeader)}' {After()}: PAX size '{TarNumber.Show(value)}' is not a decimal number");
                }
                _paxSize = size;
            }
        }
    }

    private void CheckChecksum(ReadOnlySpan<byte> block)
    {
        var field = block.Slice(ChecksumOffset, 8);
        if (TarNumber.IsEmpty(field))
        {
            throw Defect(block, "checksum field is empty");
        }
        var recorded = TarNumber.Parse(field, allowBase256: false, out var problem)
            ?? throw Defect(block, $"checksum field {problem}");
        // The checksum counts its own field as eight spaces. Old tars summed signed bytes; GNU tar accepts both.
        var (unsigned, signed) = Sums(block);
        foreach (var b in field)
        {
            unsigned -= b;
            signed -= (sbyte)b;
        }
        unsigned += 8 * ' ';
        signed += 8 * ' ';
        if (recorded != unsigned && recorded != signed)
        {
            throw Defect(block, $"checksum is {recorded}, the header sums to {unsigned}");
        }
    }

    /// <summary>
    /// The block's bytes summed as unsigned and as signed values, sixteen at a time: every header is summed, so this
    /// is on the path of every entry. A signed sum is the unsigned one less 256 for each byte of 0x80 or more.
    /// </summary>
    private static (long Unsigned, long Signed) Sums(ReadOnlySpan<byte> block)
    {
        // Each 16-bit lane gathers two bytes from each of the 32 vectors: at most 32 × 2 × 255, well within 65535.
        var lanes = Vector128<ushort>.Zero;
        var highBytes = 0;
        for (var i = 0; i < BlockSize; i += Vector128<byte>.Count)
        {
            var bytes = Vector128.Create(block.Slice(i, Vector128<byte>.Count));
            var (lower, upper) = Vector128.Widen(bytes);
            lanes += lower + upper;
            highBytes += BitOperations.PopCount(bytes.ExtractMostSignificantBits());
        }
        var (low, high) = Vector128.Widen(lanes);
        long unsigned = Vector128.Sum(low + high);
        return (unsigned, unsigned - (256L * highBytes));
    }

    private long Number(ReadOnlySpan<byte> block, int offset, int length, string name, bool allowBase256) =>
        TarNumber.Parse(block.Slice(offset, length), allowBase256, out var problem) ?? throw Defect(block, $"{name} field {problem}");

    private static void RewriteAsRegularFile(Span<byte> block)
    {
        block[TypeFlagOffset] = (byte)'0';
        block[GnuIsExtendedOffset] = 0;
        block.Slice(ChecksumOffset, 8).Fill((byte)' ');
        var sum = 0;
        foreach (var b in block)
        {
            sum += b;
        }
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0')).CopyTo(block[ChecksumOffset..]);
        block[ChecksumOffset + 6] = 0;
    }

    private TarHeaderException Defect(ReadOnlySpan<byte> block, string problem) =>
        new($"{place}: tar header of entry '{Printable(Label(block))}' {After()}: {problem}", problem);

    private string After() =>
        _hasPrevious ? $"(after '{Printable(_previousName ?? HeaderName(_previousBlock))}')" : "(the first entry)";

    /// <summary>The entry's name as its readers will see it: a GNU long name or PAX path if one came first.</summary>
    private string Label(ReadOnlySpan<byte> block) => _longName ?? _paxPath ?? HeaderName(block);

    /// <summary>The name a header block holds itself: its name field, behind the ustar prefix where there is one.</summary>
    private static string HeaderName(ReadOnlySpan<byte> block)
    {
        var header = HeaderText(block[..IndexOrLength(block[..100], 0)]);
        var isUstar = block.Slice(257, 6).SequenceEqual("ustar\0"u8);
        if (isUstar && block[345] != 0)
        {
            return HeaderText(block.Slice(345, IndexOrLength(block.Slice(345, 155), 0))) + "/" + header;
        }
        return header;
    }

    private static int IndexOrLength(ReadOnlySpan<byte> span, byte value)
    {
        var at = span.IndexOf(value);
        return at < 0 ? span.Length : at;
    }

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>
    /// A header's name for a message: UTF-8 where it is, and byte by byte (escaped) where it is not. Every entry's
    /// header is labelled, so a name that is not UTF-8 is told by a check, not by a decoder's exception.
    /// </summary>
    private static string HeaderText(ReadOnlySpan<byte> bytes) =>
        System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : TarNumber.Show(bytes);

    /// <summary>Names are image data: control characters are shown escaped and very long names cut.</summary>
    private static string Printable(string name) => IO.ShownText.Of(name, 100);

    private static string KindName(byte typeFlag) => typeFlag switch
    {
        (byte)'1' => "hardlink",
        (byte)'2' => "symlink",
        (byte)'3' => "character device",
        (byte)'4' => "block device",
        (byte)'5' => "directory",
        _ => "FIFO",
    };
}
