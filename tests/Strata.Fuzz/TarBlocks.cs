using System.Text;

namespace Strata.Fuzz;

/// <summary>One tar entry as raw blocks: where its header starts, what it claims, where its padded data ends.</summary>
internal sealed record TarBlock(int HeaderOffset, string Name, char Type, long Size, int End);

/// <summary>Walks and edits tar bytes at the block level, below any tar library, so headers can be made to lie.</summary>
internal static class TarBlocks
{
    public const int BlockSize = 512;

    /// <summary>The entries up to the end-of-archive blocks, or up to the first header that cannot be walked.</summary>
    public static List<TarBlock> Walk(byte[] tar)
    {
        var blocks = new List<TarBlock>();
        var offset = 0;
        while (offset + BlockSize <= tar.Length && tar.AsSpan(offset, BlockSize).ContainsAnyExcept((byte)0))
        {
            var size = ParseOctal(tar.AsSpan(offset + 124, 12));
            if (size < 0 || offset + BlockSize + size > tar.Length)
            {
                break;
            }
            var end = offset + BlockSize + (int)((size + BlockSize - 1) / BlockSize * BlockSize);
            blocks.Add(new TarBlock(offset, Field(tar, offset, 100), (char)tar[offset + 156], size, Math.Min(end, tar.Length)));
            offset = end;
        }
        return blocks;
    }

    /// <summary>Where the end-of-archive blocks start (or the tar's length when they are missing).</summary>
    public static int EndOfEntries(byte[] tar) => Walk(tar) is { Count: > 0 } blocks ? blocks[^1].End : 0;

    /// <summary>Writes a correct header checksum, so an edited header is read for its fields and not refused for its sum.</summary>
    public static void FixChecksum(byte[] tar, int headerOffset)
    {
        var header = tar.AsSpan(headerOffset, BlockSize);
        header.Slice(148, 8).Fill((byte)' ');
        var sum = 0;
        foreach (var b in header)
        {
            sum += b;
        }
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header.Slice(148, 8));
    }

    public static void WriteOctal(byte[] tar, int offset, int length, long value)
    {
        var text = Convert.ToString(value, 8).PadLeft(length - 1, '0');
        Encoding.ASCII.GetBytes(text[^(length - 1)..] + "\0").CopyTo(tar, offset);
    }

    /// <summary>A bare header block (ustar, checksum set) for an entry of <paramref name="type"/>.</summary>
    public static byte[] Header(string name, char type, long size, string linkName = "")
    {
        var header = new byte[BlockSize];
        var nameBytes = Encoding.UTF8.GetBytes(name);
        nameBytes.AsSpan(0, Math.Min(100, nameBytes.Length)).CopyTo(header);
        WriteOctal(header, 100, 8, 0x1A4);
        WriteOctal(header, 108, 8, 0);
        WriteOctal(header, 116, 8, 0);
        WriteOctal(header, 124, 12, size);
        WriteOctal(header, 136, 12, 1_700_000_000);
        header[156] = (byte)type;
        var link = Encoding.UTF8.GetBytes(linkName);
        link.AsSpan(0, Math.Min(100, link.Length)).CopyTo(header.AsSpan(157));
        "ustar\000"u8.CopyTo(header.AsSpan(257));
        FixChecksum(header, 0);
        return header;
    }

    /// <summary>A whole entry: header, data, padding.</summary>
    public static byte[] Entry(string name, char type, byte[] data, string linkName = "")
    {
        var padded = (data.Length + BlockSize - 1) / BlockSize * BlockSize;
        var entry = new byte[BlockSize + padded];
        Header(name, type, data.Length, linkName).CopyTo(entry, 0);
        data.CopyTo(entry, BlockSize);
        return entry;
    }

    public static byte[] Splice(byte[] tar, int offset, int removed, byte[] inserted) =>
        [.. tar.AsSpan(0, offset), .. inserted, .. tar.AsSpan(offset + removed)];

    private static string Field(byte[] tar, int offset, int length)
    {
        var span = tar.AsSpan(offset, length);
        var nul = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul < 0 ? span : span[..nul]);
    }

    private static long ParseOctal(ReadOnlySpan<byte> field)
    {
        if ((field[0] & 0x80) != 0)
        {
            return -1;
        }
        var text = Encoding.ASCII.GetString(field).Trim('\0', ' ');
        try
        {
            return text.Length == 0 ? 0 : Convert.ToInt64(text, 8);
        }
        catch (FormatException)
        {
            return -1;
        }
        catch (ArgumentException)
        {
            return -1;
        }
    }
}
