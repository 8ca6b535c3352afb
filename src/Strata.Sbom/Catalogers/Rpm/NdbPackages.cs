using System.Buffers.Binary;

namespace Strata.Sbom.Catalogers.Rpm;

/// <summary>
/// Reads rpm's NDB package database (<c>Packages.db</c>, SUSE's default): a 32-byte header ("RpmP", version 0,
/// generation, number of slot pages, next package index), then 16-byte slots ("Slot", package index, block offset,
/// block count) filling the slot pages; each used slot points to a blob ("BlbS", package index, generation, length)
/// holding one header, then a tail (checksum, length, "BlbE"). All little-endian, in 16-byte blocks and 4096-byte pages.
/// </summary>
internal static class NdbPackages
{
    private const uint HeaderMagic = 'R' | ('p' << 8) | ('m' << 16) | ('P' << 24);
    private const uint SlotMagic = 'S' | ('l' << 8) | ('o' << 16) | ('t' << 24);
    private const uint BlobMagic = 'B' | ('l' << 8) | ('b' << 16) | ('S' << 24);
    private const int PageSize = 4096, BlockSize = 16, SlotSize = 16, BlobHeaderSize = 16;

    public static bool LooksLike(ReadOnlySpan<byte> file) => file.Length >= 16 && BinaryPrimitives.ReadUInt32LittleEndian(file) == HeaderMagic;

    /// <summary>The header blobs of the used slots, in slot order.</summary>
    public static List<byte[]> Values(byte[] file)
    {
        if (!LooksLike(file))
        {
            throw new InvalidDataException("not an rpm NDB database (no 'RpmP' magic)");
        }
        var span = file.AsSpan();
        var version = BinaryPrimitives.ReadUInt32LittleEndian(span[4..]);
        if (version != 0)
        {
            throw new InvalidDataException($"NDB version {version} is not 0");
        }
        var slotPages = BinaryPrimitives.ReadUInt32LittleEndian(span[12..]);
        if (slotPages == 0 || (long)slotPages * PageSize > file.Length)
        {
            throw new InvalidDataException($"{slotPages} slot pages do not fit in {file.Length} bytes");
        }
        var values = new List<byte[]>();
        long claimed = 0;
        // The header takes the room of the first two slots.
        for (var at = 2 * SlotSize; at < slotPages * PageSize; at += SlotSize)
        {
            var slot = span.Slice(at, SlotSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(slot) != SlotMagic)
            {
                throw new InvalidDataException($"slot at byte {at} has no 'Slot' magic");
            }
            var package = BinaryPrimitives.ReadUInt32LittleEndian(slot[4..]);
            if (package == 0)
            {
                continue;
            }
            var offset = (long)BinaryPrimitives.ReadUInt32LittleEndian(slot[8..]) * BlockSize;
            var blocks = (long)BinaryPrimitives.ReadUInt32LittleEndian(slot[12..]);
            if (offset + BlobHeaderSize > file.Length || offset + (blocks * BlockSize) > file.Length)
            {
                throw new InvalidDataException($"package {package}'s blob at byte {offset} lies past the end of the file");
            }
            var blob = span.Slice((int)offset, BlobHeaderSize);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(blob[12..]);
            if (BinaryPrimitives.ReadUInt32LittleEndian(blob) != BlobMagic || BinaryPrimitives.ReadUInt32LittleEndian(blob[4..]) != package)
            {
                throw new InvalidDataException($"package {package}'s blob at byte {offset} has no 'BlbS' magic or names another package");
            }
            if (BlobHeaderSize + (long)length > blocks * BlockSize)
            {
                throw new InvalidDataException($"package {package}'s blob claims {length} bytes, more than its {blocks} blocks");
            }
            // Slots of a real database point to blobs of their own; a hostile one could point them all at one.
            claimed += length;
            if (claimed > file.Length)
            {
                throw new InvalidDataException($"package {package}'s blob brings the blobs past the file's {file.Length} bytes (slots sharing blobs)");
            }
            values.Add(span.Slice((int)offset + BlobHeaderSize, (int)length).ToArray());
        }
        return values;
    }
}
