using System.Buffers.Binary;

namespace Strata.Sbom.Catalogers.Rpm;

/// <summary>
/// Reads the items of a Berkeley DB hash database (rpm's classic <c>Packages</c>) without the library: page 0 is
/// the hash metadata page; every hash page holds key/value item pairs; a value too large for its page is an
/// off-page item whose bytes follow a chain of overflow pages. Databases written on either byte order are read.
/// </summary>
internal static class BerkeleyDbHash
{
    private const uint HashMagic = 0x061561;
    private const int PageHeaderSize = 26;
    private const byte PageHashUnsorted = 2, PageOverflow = 7, PageHash = 13;
    private const byte ItemKeyData = 1, ItemOffPage = 3;

    public static bool LooksLike(ReadOnlySpan<byte> file) =>
        file.Length >= 16 && (BinaryPrimitives.ReadUInt32LittleEndian(file[12..]) == HashMagic || BinaryPrimitives.ReadUInt32BigEndian(file[12..]) == HashMagic);

    /// <summary>Every key and value stored in the database, in page order.</summary>
    public static List<(byte[] Key, byte[] Value)> Items(byte[] file)
    {
        if (file.Length < 512 || !LooksLike(file))
        {
            throw new InvalidDataException("not a Berkeley DB hash database (no hash magic at byte 12)");
        }
        var swapped = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(12)) != HashMagic;
        uint U32(ReadOnlySpan<byte> at) => swapped ? BinaryPrimitives.ReadUInt32BigEndian(at) : BinaryPrimitives.ReadUInt32LittleEndian(at);
        ushort U16(ReadOnlySpan<byte> at) => swapped ? BinaryPrimitives.ReadUInt16BigEndian(at) : BinaryPrimitives.ReadUInt16LittleEndian(at);
        var pageSize = U32(file.AsSpan(20));
        if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) != 0)
        {
            throw new InvalidDataException($"page size {pageSize} is not one Berkeley DB uses");
        }
        if (file[24] != 0)
        {
            throw new InvalidDataException("the database is encrypted");
        }
        var lastPage = U32(file.AsSpan(32));
        var pages = (uint)Math.Min(lastPage + 1L, file.Length / pageSize);
        var items = new List<(byte[], byte[])>();
        // Each overflow page belongs to one item in a real database, so its items hold no more bytes than the file;
        // a hostile one could point a million items at one long chain.
        long claimed = 0;
        uint Claim(uint total)
        {
            claimed += total;
            if (claimed > file.Length)
            {
                throw new InvalidDataException("off-page items claim more bytes than the file holds (overflow pages shared between items)");
            }
            return total;
        }
        for (uint number = 1; number < pages; number++)
        {
            var page = file.AsSpan((int)(number * pageSize), (int)pageSize);
            if (page[25] is not (PageHash or PageHashUnsorted))
            {
                continue;
            }
            var entries = U16(page[20..]);
            if (PageHeaderSize + (2 * entries) > pageSize)
            {
                throw new InvalidDataException($"page {number} claims {entries} items");
            }
            // Items come in key/value pairs, laid from the page's end down: an item runs from its offset to the
            // previous item's (or to the page's end).
            byte[]? Item(ReadOnlySpan<byte> page, int i)
            {
                int offset = U16(page[(PageHeaderSize + (2 * i))..]);
                int end = i == 0 ? (int)pageSize : U16(page[(PageHeaderSize + (2 * (i - 1)))..]);
                if (offset < PageHeaderSize + (2 * entries) || offset >= end || end > pageSize)
                {
                    throw new InvalidDataException($"page {number}: item {i} at bytes {offset}-{end} lies outside the page's items");
                }
                return page[offset] switch
                {
                    ItemKeyData => page[(offset + 1)..end].ToArray(),
                    ItemOffPage when offset + 12 <= end => Overflow(file, pageSize, U32(page[(offset + 4)..]), Claim(U32(page[(offset + 8)..])), U32, U16),
                    // Duplicates and off-page duplicates: rpm never writes them.
                    _ => null,
                };
            }
            for (var i = 0; i + 1 < entries; i += 2)
            {
                if (Item(page, i) is { } key && Item(page, i + 1) is { } value)
                {
                    items.Add((key, value));
                }
            }
        }
        return items;
    }

    /// <summary>Follows an overflow chain from <paramref name="first"/>, <paramref name="total"/> bytes in all.</summary>
    private static byte[] Overflow(byte[] file, uint pageSize, uint first, uint total, U32Reader u32, U16Reader u16)
    {
        if (total > file.Length)
        {
            throw new InvalidDataException($"an off-page item claims {total} bytes, more than the file holds");
        }
        var value = new byte[total];
        var filled = 0;
        var visited = new HashSet<uint>();
        for (var number = first; number != 0 && filled < total; )
        {
            if (!visited.Add(number) || ((long)number + 1) * pageSize > file.Length)
            {
                throw new InvalidDataException($"overflow chain from page {first} breaks at page {number}");
            }
            var page = file.AsSpan((int)(number * pageSize), (int)pageSize);
            if (page[25] != PageOverflow)
            {
                throw new InvalidDataException($"overflow chain from page {first} reaches page {number}, which is not an overflow page");
            }
            var length = Math.Min(Math.Min((int)u16(page[22..]), (int)pageSize - PageHeaderSize), (int)total - filled);
            page.Slice(PageHeaderSize, length).CopyTo(value.AsSpan(filled));
            filled += length;
            number = u32(page[16..]);
        }
        if (filled != total)
        {
            throw new InvalidDataException($"overflow chain from page {first} holds {filled} of its {total} bytes");
        }
        return value;
    }

    private delegate uint U32Reader(ReadOnlySpan<byte> at);

    private delegate ushort U16Reader(ReadOnlySpan<byte> at);
}
