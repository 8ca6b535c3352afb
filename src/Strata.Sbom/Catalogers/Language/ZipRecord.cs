using System.Buffers.Binary;

namespace Strata.Sbom.Catalogers.Language;

/// <summary>One zip entry kept as it was stored: its name's bytes, flags, method, CRC-32, sizes and compressed data.</summary>
internal sealed record ZipRecord(byte[] Name, ushort Flags, ushort Method, uint Crc, long UncompressedSize, byte[] Data)
{
    /// <summary>
    /// A zip of the records, with no descriptors (sizes in the headers) and no extra fields: what
    /// <see cref="System.IO.Compression.ZipArchive"/> reads as the entries of the original archive.
    /// </summary>
    public static byte[] Archive(IReadOnlyList<ZipRecord> records)
    {
        using var output = new MemoryStream();
        var offsets = new List<long>(records.Count);
        Span<byte> header = stackalloc byte[46];
        foreach (var record in records)
        {
            offsets.Add(output.Position);
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
            record.Common(header[4..]);
            output.Write(header[..30]);
            output.Write(record.Name);
            output.Write(record.Data);
        }
        var directory = output.Position;
        for (var i = 0; i < records.Count; i++)
        {
            header.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 20);
            records[i].Common(header[6..]);
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], (uint)offsets[i]);
            output.Write(header);
            output.Write(records[i].Name);
        }
        Span<byte> end = stackalloc byte[22];
        end.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)records.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)records.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)(output.Position - directory));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)directory);
        output.Write(end);
        return output.ToArray();
    }

    /// <summary>The fields local and central headers share, from "version needed" to the extra field's length.</summary>
    private void Common(Span<byte> at)
    {
        at[..26].Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(at, 20);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], (ushort)(Flags & ~DataDescriptorFlag));
        BinaryPrimitives.WriteUInt16LittleEndian(at[4..], Method);
        BinaryPrimitives.WriteUInt16LittleEndian(at[8..], DosFirstOfJanuary1980);
        BinaryPrimitives.WriteUInt32LittleEndian(at[10..], Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(at[14..], (uint)Data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(at[18..], (uint)Math.Min(UncompressedSize, uint.MaxValue));
        BinaryPrimitives.WriteUInt16LittleEndian(at[22..], (ushort)Name.Length);
    }

    public const ushort DataDescriptorFlag = 0x0008;

    private const ushort DosFirstOfJanuary1980 = (1 << 5) | 1;
}
