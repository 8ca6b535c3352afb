using System.Text;

namespace Strata.Analysis.Slim;

/// <summary>Reads and writes the few ustar header fields a rewrite touches, and PAX extended records.</summary>
internal static class TarFields
{
    public const int Block = 512;
    public const int NameOffset = 0;
    public const int SizeOffset = 124;
    public const int ChecksumOffset = 148;
    public const int TypeOffset = 156;
    public const int LinkOffset = 157;
    public const int FieldLength = 100;
    public const int PrefixOffset = 345;

    /// <summary>The largest size the 11 octal digits of the size field hold.</summary>
    public const long MaxOctalSize = (1L << 33) - 1;

    public static string Text(ReadOnlySpan<byte> field)
    {
        var end = field.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? field : field[..end]);
    }

    /// <summary>An octal or GNU base-256 number; the layer decoder has already refused malformed ones.</summary>
    public static long Number(ReadOnlySpan<byte> field)
    {
        if ((field[0] & 0x80) != 0)
        {
            long big = 0;
            foreach (var b in field[1..])
            {
                big = (big << 8) | b;
            }
            return big;
        }
        long value = 0;
        foreach (var b in field)
        {
            if (b is >= (byte)'0' and <= (byte)'7')
            {
                value = (value << 3) | (long)(b - '0');
            }
            else if (b is 0 || (b == (byte)' ' && value > 0))
            {
                break;
            }
        }
        return value;
    }

    public static bool IsUstar(ReadOnlySpan<byte> header) => header.Slice(257, 5).SequenceEqual("ustar"u8);

    /// <summary>The name from the header itself: ustar's prefix joined to the name field.</summary>
    public static string HeaderName(ReadOnlySpan<byte> header)
    {
        var name = Text(header.Slice(NameOffset, FieldLength));
        if (IsUstar(header) && header[263] == (byte)'0')
        {
            var prefix = Text(header.Slice(PrefixOffset, 155));
            return prefix.Length > 0 ? prefix + "/" + name : name;
        }
        return name;
    }

    public static void WriteOctal(Span<byte> field, long value)
    {
        var digits = Convert.ToString(value, 8).PadLeft(field.Length - 1, '0');
        Encoding.ASCII.GetBytes(digits, field);
        field[^1] = 0;
    }

    /// <summary>Sets the checksum: the byte sum of the header with the checksum field read as spaces.</summary>
    public static void Seal(Span<byte> header)
    {
        header.Slice(ChecksumOffset, 8).Fill((byte)' ');
        var sum = 0;
        foreach (var b in header[..Block])
        {
            sum += b;
        }
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0'), header.Slice(ChecksumOffset, 6));
        header[ChecksumOffset + 6] = 0;
        header[ChecksumOffset + 7] = (byte)' ';
    }

    /// <summary>PAX records ("LEN key=value\n") in their stored order, values as raw bytes.</summary>
    public static List<(string Key, byte[] Value)> PaxRecords(ReadOnlySpan<byte> data)
    {
        var records = new List<(string, byte[])>();
        while (data.Length > 0 && data[0] != 0)
        {
            var space = data.IndexOf((byte)' ');
            if (space <= 0 || !int.TryParse(Encoding.ASCII.GetString(data[..space]), out var length) || length > data.Length || length <= space + 2)
            {
                break;
            }
            var record = data[(space + 1)..(length - 1)];
            var equals = record.IndexOf((byte)'=');
            if (equals < 0)
            {
                break;
            }
            records.Add((Encoding.UTF8.GetString(record[..equals]), record[(equals + 1)..].ToArray()));
            data = data[length..];
        }
        return records;
    }

    public static byte[] PaxData(IEnumerable<(string Key, byte[] Value)> records)
    {
        using var data = new MemoryStream();
        foreach (var (key, value) in records)
        {
            var body = 1 + Encoding.UTF8.GetByteCount(key) + 1 + value.Length + 1;
            var length = body + 1;
            while (length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + body != length)
            {
                length = length.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + body;
            }
            data.Write(Encoding.ASCII.GetBytes(length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            data.WriteByte((byte)' ');
            data.Write(Encoding.UTF8.GetBytes(key));
            data.WriteByte((byte)'=');
            data.Write(value);
            data.WriteByte((byte)'\n');
        }
        return data.ToArray();
    }
}
