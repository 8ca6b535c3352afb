using System.Globalization;
using System.Text;

namespace Strata.Analysis.Slim;

/// <summary>
/// The header changes a slim makes, each on a copy of the stored blocks so every other field and PAX record stays as
/// it was: a hard link turned into a regular file, or pointed at another path.
/// </summary>
internal static class HeaderRewrite
{
    /// <summary>Fields a hard link shares with its target's inode: mode, uid, gid, mtime, uname, gname.</summary>
    private static readonly (int Offset, int Length)[] InodeFields = [(100, 8), (108, 8), (116, 8), (136, 12), (265, 32), (297, 32)];

    /// <summary>devmajor and devminor, where ustar and GNU headers keep them.</summary>
    private static readonly (int Offset, int Length)[] DeviceFields = [(329, 8), (337, 8)];

    /// <summary>PAX records that name or size an entry rather than describe its inode.</summary>
    private static readonly HashSet<string> EntryRecords = new(StringComparer.Ordinal) { "path", "linkpath", "size" };

    /// <summary>
    /// The link's headers as a regular file of <paramref name="size"/> bytes: its own name, and the inode's metadata
    /// (mode, owners, mtime, xattrs and other PAX records) from the dropped <paramref name="target"/>.
    /// </summary>
    public static List<RawTarBlock> AsRegularFile(RawTarEntry link, RawTarEntry target, long size)
    {
        var header = link.Header.ToArray();
        foreach (var (offset, length) in InodeFields)
        {
            target.Header.AsSpan(offset, length).CopyTo(header.AsSpan(offset, length));
        }
        header[TarFields.TypeOffset] = (byte)'0';
        header.AsSpan(TarFields.LinkOffset, TarFields.FieldLength).Clear();
        var needsPaxSize = size > TarFields.MaxOctalSize;
        TarFields.WriteOctal(header.AsSpan(TarFields.SizeOffset, 12), needsPaxSize ? 0 : size);
        TarFields.Seal(header);
        var inode = PaxOf(target).Where(r => !EntryRecords.Contains(r.Key)).ToList();
        return [.. WithPax(link, header, records =>
        {
            var kept = records.Where(r => r.Key == "path").ToList();
            kept.AddRange(inode);
            if (needsPaxSize)
            {
                kept.Add(("size", Encoding.ASCII.GetBytes(size.ToString(CultureInfo.InvariantCulture))));
            }
            return kept;
        }), new RawTarBlock(header, [])];
    }

    /// <summary>
    /// The link's headers as the symlink, device or FIFO <paramref name="target"/> it named: its own name, the target's
    /// type, inode metadata, link target and device numbers, no data.
    /// </summary>
    public static List<RawTarBlock> AsEntryOf(RawTarEntry link, RawTarEntry target)
    {
        var header = link.Header.ToArray();
        foreach (var (offset, length) in InodeFields.Concat(DeviceFields))
        {
            target.Header.AsSpan(offset, length).CopyTo(header.AsSpan(offset, length));
        }
        header[TarFields.TypeOffset] = target.TypeFlag;
        var linkTarget = target.TypeFlag == (byte)'2' ? Encoding.UTF8.GetBytes(target.LinkName) : [];
        var fits = linkTarget.Length <= TarFields.FieldLength;
        var field = header.AsSpan(TarFields.LinkOffset, TarFields.FieldLength);
        field.Clear();
        if (fits)
        {
            linkTarget.CopyTo(field);
        }
        TarFields.WriteOctal(header.AsSpan(TarFields.SizeOffset, 12), 0);
        TarFields.Seal(header);
        var inode = PaxOf(target).Where(r => !EntryRecords.Contains(r.Key)).ToList();
        return [.. WithPax(link, header, records =>
        {
            var kept = records.Where(r => r.Key == "path").ToList();
            kept.AddRange(inode);
            if (!fits)
            {
                kept.Add(("linkpath", linkTarget));
            }
            return kept;
        }), new RawTarBlock(header, [])];
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
        return [.. WithPax(entry, header, records =>
        {
            var kept = records.Where(r => r.Key != "linkpath").ToList();
            if (!fits)
            {
                kept.Add(("linkpath", bytes));
            }
            return kept;
        }), new RawTarBlock(header, [])];
    }

    private static List<(string Key, byte[] Value)> PaxOf(RawTarEntry entry) =>
        entry.Extensions.Where(b => b.TypeFlag == (byte)'x')
            .SelectMany(b => TarFields.PaxRecords(b.Data.AsSpan(0, (int)TarFields.Number(b.Header.AsSpan(TarFields.SizeOffset, 12)))))
            .ToList();

    /// <summary>
    /// The extension blocks with GNU long links dropped and the PAX records edited by <paramref name="edit"/>; a PAX
    /// header modelled on the entry's is added when there was none and the edit leaves records, and dropped when the
    /// edit leaves none.
    /// </summary>
    private static List<RawTarBlock> WithPax(RawTarEntry entry, byte[] header, Func<List<(string Key, byte[] Value)>, List<(string Key, byte[] Value)>> edit)
    {
        var blocks = new List<RawTarBlock>();
        var pax = entry.Extensions.FirstOrDefault(b => b.TypeFlag == (byte)'x');
        foreach (var block in entry.Extensions)
        {
            if (block.TypeFlag is not ((byte)'K' or (byte)'x'))
            {
                blocks.Add(block);
            }
        }
        var records = edit(PaxOf(entry));
        if (records.Count > 0)
        {
            blocks.Add(PaxBlock(pax?.Header ?? NewPaxHeader(header), TarFields.PaxData(records)));
        }
        return blocks;
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
