using System.Text;

namespace Strata.Analysis.Slim;

/// <summary>
/// The header changes a slim makes, each on a copy of the stored blocks so every other field and PAX record stays as
/// it was: a hard link turned into a regular file, or pointed at another path.
/// </summary>
internal static class HeaderRewrite
{
    /// <summary>The entry's headers as a regular file of <paramref name="size"/> bytes, without its link target.</summary>
    public static List<RawTarBlock> AsRegularFile(RawTarEntry entry, long size)
    {
        var header = entry.Header.ToArray();
        header[TarFields.TypeOffset] = (byte)'0';
        header.AsSpan(TarFields.LinkOffset, TarFields.FieldLength).Clear();
        var needsPaxSize = size > TarFields.MaxOctalSize;
        TarFields.WriteOctal(header.AsSpan(TarFields.SizeOffset, 12), needsPaxSize ? 0 : size);
        TarFields.Seal(header);
        return [.. WithPax(entry, header, "size", needsPaxSize ? Encoding.ASCII.GetBytes(size.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null, "linkpath"),
            new RawTarBlock(header, [])];
    }

    /// <summary>The entry's headers with the link target set to <paramref name="target"/>.</summary>
    public static List<RawTarBlock> Relinked(RawTarEntry entry, string target)
    {
        var header = entry.Header.ToArray();
        var bytes = Encoding.UTF8.GetBytes(target);
        var fits = bytes.Length <= TarFields.FieldLength;
        var field = header.AsSpan(TarFields.LinkOffset, TarFields.FieldLength);
        field.Clear();
        if (fits)
        {
            bytes.CopyTo(field);
        }
        TarFields.Seal(header);
        return [.. WithPax(entry, header, "linkpath", fits ? null : bytes, "linkpath"), new RawTarBlock(header, [])];
    }

    /// <summary>
    /// The extension blocks with GNU long links dropped and the PAX record <paramref name="drop"/> removed; a record
    /// <paramref name="key"/> = <paramref name="value"/> is set when a value is given, adding a PAX header if none was.
    /// </summary>
    private static IEnumerable<RawTarBlock> WithPax(RawTarEntry entry, byte[] header, string key, byte[]? value, string drop)
    {
        var wrotePax = false;
        foreach (var block in entry.Extensions)
        {
            if (block.TypeFlag == (byte)'K')
            {
                continue;
            }
            if (block.TypeFlag != (byte)'x')
            {
                yield return block;
                continue;
            }
            var size = (int)TarFields.Number(block.Header.AsSpan(TarFields.SizeOffset, 12));
            var records = TarFields.PaxRecords(block.Data.AsSpan(0, size)).Where(r => r.Key != drop && r.Key != key).ToList();
            if (value is not null)
            {
                records.Add((key, value));
            }
            wrotePax = true;
            yield return PaxBlock(block.Header, TarFields.PaxData(records));
        }
        if (!wrotePax && value is not null)
        {
            yield return PaxBlock(NewPaxHeader(header), TarFields.PaxData([(key, value)]));
        }
    }

    private static RawTarBlock PaxBlock(byte[] original, byte[] data)
    {
        var header = original.ToArray();
        TarFields.WriteOctal(header.AsSpan(TarFields.SizeOffset, 12), data.Length);
        TarFields.Seal(header);
        var padded = new byte[(data.Length + 511) / 512 * 512];
        data.CopyTo(padded, 0);
        return new RawTarBlock(header, padded);
    }

    /// <summary>A PAX header block modelled on the entry's own: same owner and time fields, type 'x'.</summary>
    private static byte[] NewPaxHeader(byte[] entryHeader)
    {
        var header = entryHeader.ToArray();
        header.AsSpan(TarFields.NameOffset, TarFields.FieldLength).Clear();
        Encoding.ASCII.GetBytes("PaxHeader", header.AsSpan(TarFields.NameOffset));
        header.AsSpan(TarFields.LinkOffset, TarFields.FieldLength).Clear();
        header.AsSpan(TarFields.PrefixOffset, 155).Clear();
        header[TarFields.TypeOffset] = (byte)'x';
        "ustar\0"u8.CopyTo(header.AsSpan(257));
        "00"u8.CopyTo(header.AsSpan(263));
        return header;
    }
}
