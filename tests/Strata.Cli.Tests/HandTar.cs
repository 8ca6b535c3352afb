using System.Text;

namespace Strata.Cli.Tests;

/// <summary>
/// Writes a tar byte by byte as POSIX ustar lays it out (name 0, mode 100, uid 108, gid 116, size 124, mtime 136,
/// chksum 148, typeflag 156, linkname 157, magic 257, version 263, prefix 345), with no tar library involved, so that a
/// test can break any one field on purpose and know exactly what it broke.
/// </summary>
public sealed class HandTar
{
    public const int Block = 512;

    private readonly MemoryStream _bytes = new();

    /// <summary>
    /// One header and its data. <paramref name="edit"/> changes the header before its checksum is computed;
    /// <paramref name="breakAfter"/> changes it afterwards, so the checksum no longer matches. Returns the header's offset.
    /// </summary>
    public long Add(
        string name, char type = '0', byte[]? data = null, long? size = null,
        Action<byte[]>? edit = null, Action<byte[]>? breakAfter = null, bool writeData = true)
    {
        data ??= [];
        var header = new byte[Block];
        Ascii(header, 0, 100, name);
        Ascii(header, 100, 8, "0000644\0");
        Ascii(header, 108, 8, "0000000\0");
        Ascii(header, 116, 8, "0000000\0");
        Ascii(header, 124, 12, Convert.ToString(size ?? data.Length, 8).PadLeft(11, '0') + "\0");
        Ascii(header, 136, 12, Convert.ToString(1_700_000_000L, 8).PadLeft(11, '0') + "\0");
        header[156] = (byte)type;
        Ascii(header, 257, 6, "ustar\0");
        Ascii(header, 263, 2, "00");
        edit?.Invoke(header);
        WriteChecksum(header);
        breakAfter?.Invoke(header);
        var offset = _bytes.Position;
        _bytes.Write(header);
        if (writeData)
        {
            _bytes.Write(data);
            _bytes.Write(new byte[(Block - (data.Length % Block)) % Block]);
        }
        return offset;
    }

    public HandTar File(string name, string content)
    {
        Add(name, '0', Encoding.UTF8.GetBytes(content));
        return this;
    }

    public HandTar Directory(string name)
    {
        Add(name, '5');
        return this;
    }

    /// <summary>A GNU long name ('L' entry named <c>././@LongLink</c>) for the entry that follows.</summary>
    public HandTar LongName(string name)
    {
        Add("././@LongLink", 'L', Encoding.UTF8.GetBytes(name + "\0"));
        return this;
    }

    /// <summary>A PAX extended header ('x') holding the given records, each written as "LENGTH key=value\n".</summary>
    public HandTar Pax(params (string Key, string Value)[] records)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in records)
        {
            var body = $" {key}={value}\n";
            var length = Encoding.UTF8.GetByteCount(body);
            // The length counts its own digits.
            var total = length + length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
            if (total.ToString(System.Globalization.CultureInfo.InvariantCulture).Length != length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length)
            {
                total++;
            }
            text.Append(total).Append(body);
        }
        Add("PaxHeaders/entry", 'x', Encoding.UTF8.GetBytes(text.ToString()));
        return this;
    }

    /// <summary>Raw bytes, as they are.</summary>
    public HandTar Raw(byte[] bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    /// <summary>The archive with its end marker, two zero blocks.</summary>
    public byte[] ToArray(bool endMarker = true)
    {
        var bytes = _bytes.ToArray();
        return endMarker ? [.. bytes, .. new byte[2 * Block]] : bytes;
    }

    /// <summary>POSIX: the sum of the header's bytes as unsigned numbers, the chksum field counted as eight spaces.</summary>
    public static int Sum(ReadOnlySpan<byte> header)
    {
        var sum = 0;
        for (var i = 0; i < Block; i++)
        {
            sum += i is >= 148 and < 156 ? ' ' : header[i];
        }
        return sum;
    }

    /// <summary>Six octal digits, a NUL and a space, as ustar writers do.</summary>
    public static void WriteChecksum(byte[] header) =>
        Ascii(header, 148, 8, Convert.ToString(Sum(header), 8).PadLeft(6, '0') + "\0 ");

    public static void Ascii(byte[] header, int offset, int length, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.True(bytes.Length <= length, $"'{text}' does not fit a {length}-byte field");
        Array.Clear(header, offset, length);
        bytes.CopyTo(header, offset);
    }
}
