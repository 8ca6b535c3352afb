using System.Buffers.Binary;
using System.Globalization;

namespace Strata.Sbom.Catalogers.Binaries;

/// <summary>Reads a PE (Windows) file's section table; sections double as its mapped segments.</summary>
internal static class PeParser
{
    private const uint ScnMemExecute = 0x20000000;
    private const uint ScnMemWrite = 0x80000000;
    private const int SectionHeaderSize = 40;
    private const int SymbolSize = 18;

    /// <summary>True when <paramref name="head"/> is an MZ header whose PE signature is within the head.</summary>
    public static bool Looks(ReadOnlySpan<byte> head)
    {
        if (head.Length < 0x40 || !head.StartsWith("MZ"u8))
        {
            return false;
        }
        long lfanew = BinaryPrimitives.ReadUInt32LittleEndian(head.Slice(0x3c, 4));
        return lfanew + 24 <= head.Length && head.Slice((int)lfanew, 4).SequenceEqual("PE\0\0"u8);
    }

    public static ExecutableFile Parse(ReadOnlyMemory<byte> data)
    {
        var reader = new EndianReader(data, bigEndian: false);
        if (reader.Length < 0x40 || !data.Span.StartsWith("MZ"u8))
        {
            throw new MalformedExecutableException("not a PE file");
        }
        ulong pe = reader.U32(0x3c);
        if (!reader.Span(pe, 4).SequenceEqual("PE\0\0"u8))
        {
            throw new MalformedExecutableException("no PE signature");
        }
        var coff = pe + 4;
        int count = reader.U16(coff + 2);
        ulong symbols = reader.U32(coff + 8);
        ulong symbolCount = reader.U32(coff + 12);
        var optional = coff + 20;
        var optionalSize = reader.U16(coff + 16);
        var magic = reader.U16(optional);
        var is64 = magic == 0x20b;
        var imageBase = is64 ? reader.U64(optional + 24) : reader.U32(optional + 28);
        var table = optional + optionalSize;
        var damage = new List<string>();
        var sections = new List<ExecutableSection>();
        var segments = new List<ExecutableSegment>();
        if (!reader.Contains(table, (ulong)count * SectionHeaderSize))
        {
            damage.Add($"the section table ({count} sections at offset {table}) runs past the end of the file");
            count = 0;
        }
        for (var i = 0; i < count; i++)
        {
            var at = table + (ulong)i * SectionHeaderSize;
            var name = SectionName(reader, reader.Name(at, 8), symbols, symbolCount);
            ulong virtualSize = reader.U32(at + 8);
            ulong address = reader.U32(at + 12) + imageBase;
            ulong rawSize = reader.U32(at + 16);
            ulong rawOffset = reader.U32(at + 20);
            var characteristics = reader.U32(at + 36);
            if (rawSize > 0 && !reader.Contains(rawOffset, rawSize))
            {
                damage.Add($"section {name} ({rawSize} bytes at offset {rawOffset}) runs past the end of the file");
            }
            sections.Add(new ExecutableSection(name, null, address, virtualSize, rawOffset, rawSize));
            segments.Add(new ExecutableSegment(
                SegmentKind.Load, name, address, virtualSize, rawOffset, rawSize, (characteristics & ScnMemWrite) != 0, (characteristics & ScnMemExecute) != 0));
        }
        return new ExecutableFile { Format = ExecutableFormat.Pe, Is64 = is64, Image = reader, Sections = sections, Segments = segments, Damage = damage };
    }

    /// <summary>Long names are written as <c>/123</c>, an offset into the COFF string table after the symbol table.</summary>
    private static string SectionName(EndianReader reader, string name, ulong symbols, ulong symbolCount)
    {
        if (name.Length < 2 || name[0] != '/' || symbols == 0 || !uint.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return name;
        }
        var strings = symbols + symbolCount * SymbolSize;
        return reader.Contains(strings + offset, 1) ? reader.Name(strings + offset, 256) : name;
    }
}
