namespace Strata.Sbom.Catalogers.Binaries;

/// <summary>Reads an ELF file's program headers and named section headers (32 or 64 bits, either byte order).</summary>
internal static class ElfParser
{
    private const uint PtLoad = 1;
    private const uint PtNote = 4;
    private const uint PfX = 1;
    private const uint PfW = 2;
    private const uint ShtNobits = 8;
    private const ushort ShnXindex = 0xffff;
    private const ushort PnXnum = 0xffff;
    private const int MaxEntries = 1 << 16;

    /// <summary>True when <paramref name="head"/> starts an ELF executable or shared object (not a relocatable object or core dump).</summary>
    public static bool Looks(ReadOnlySpan<byte> head)
    {
        if (head.Length < 18 || !head.StartsWith("\x7f"u8 + "ELF"u8) || head[4] is not (1 or 2) || head[5] is not (1 or 2))
        {
            return false;
        }
        var type = head[5] == 2 ? head[16] << 8 | head[17] : head[17] << 8 | head[16];
        return type is 2 or 3;
    }

    public static ExecutableFile Parse(ReadOnlyMemory<byte> data)
    {
        var span = data.Span;
        if (span.Length < 52 || !span.StartsWith("\x7f"u8 + "ELF"u8) || span[4] is not (1 or 2) || span[5] is not (1 or 2))
        {
            throw new MalformedExecutableException("not an ELF file");
        }
        var is64 = span[4] == 2;
        var reader = new EndianReader(data, span[5] == 2);
        var damage = new List<string>();
        var phoff = reader.Word(is64 ? 32u : 28u, is64);
        var shoff = reader.Word(is64 ? 40u : 32u, is64);
        var at = is64 ? 54u : 42u;
        int phentsize = reader.U16(at), phnum = reader.U16(at + 2), shentsize = reader.U16(at + 4), shnum = reader.U16(at + 6), shstrndx = reader.U16(at + 8);
        var sectionZero = ReadSectionZero(reader, is64, shoff, shentsize);
        if (sectionZero is var (size, link, info))
        {
            shnum = shnum == 0 && size < MaxEntries ? (int)size : shnum;
            shstrndx = shstrndx == ShnXindex ? (int)link : shstrndx;
            phnum = phnum == PnXnum && info < MaxEntries ? (int)info : phnum;
        }
        var segments = ReadSegments(reader, is64, phoff, phentsize, phnum, damage);
        var sections = ReadSections(reader, is64, shoff, shentsize, shnum, shstrndx, damage);
        return new ExecutableFile { Format = ExecutableFormat.Elf, Is64 = is64, Image = reader, Segments = segments, Sections = sections, Damage = damage };
    }

    private static (ulong Size, uint Link, uint Info)? ReadSectionZero(EndianReader reader, bool is64, ulong shoff, int shentsize)
    {
        if (shoff == 0 || shentsize < (is64 ? 64 : 40) || !reader.Contains(shoff, (ulong)shentsize))
        {
            return null;
        }
        return is64
            ? (reader.U64(shoff + 32), reader.U32(shoff + 40), reader.U32(shoff + 44))
            : (reader.U32(shoff + 20), reader.U32(shoff + 24), reader.U32(shoff + 28));
    }

    private static List<ExecutableSegment> ReadSegments(EndianReader reader, bool is64, ulong phoff, int phentsize, int phnum, List<string> damage)
    {
        var segments = new List<ExecutableSegment>();
        if (phnum == 0)
        {
            return segments;
        }
        if (phentsize < (is64 ? 56 : 32) || !reader.Contains(phoff, (ulong)phentsize * (ulong)phnum))
        {
            damage.Add($"program headers ({phnum} at offset {phoff}) run past the end of the file");
            return segments;
        }
        for (var i = 0; i < phnum; i++)
        {
            var at = phoff + (ulong)i * (ulong)phentsize;
            var type = reader.U32(at);
            var flags = reader.U32(at + (is64 ? 4u : 24u));
            var offset = reader.Word(at + (is64 ? 8u : 4u), is64);
            var vaddr = reader.Word(at + (is64 ? 16u : 8u), is64);
            var filesz = reader.Word(at + (is64 ? 32u : 16u), is64);
            var memsz = reader.Word(at + (is64 ? 40u : 20u), is64);
            var kind = type switch { PtLoad => SegmentKind.Load, PtNote => SegmentKind.Note, _ => SegmentKind.Other };
            if (kind == SegmentKind.Load && !reader.Contains(offset, filesz))
            {
                damage.Add($"segment {i} ({filesz} bytes at offset {offset}) runs past the end of the file");
            }
            segments.Add(new ExecutableSegment(kind, null, vaddr, memsz, offset, filesz, (flags & PfW) != 0, (flags & PfX) != 0));
        }
        return segments;
    }

    private static List<ExecutableSection> ReadSections(
        EndianReader reader, bool is64, ulong shoff, int shentsize, int shnum, int shstrndx, List<string> damage)
    {
        var sections = new List<ExecutableSection>();
        if (shoff == 0 || shnum == 0)
        {
            return sections;
        }
        if (shentsize < (is64 ? 64 : 40) || shnum > MaxEntries || !reader.Contains(shoff, (ulong)shentsize * (ulong)shnum))
        {
            damage.Add($"section headers ({shnum} at offset {shoff}) run past the end of the file");
            return sections;
        }
        var raw = new List<(uint Name, uint Type, ulong Address, ulong Offset, ulong Size)>(shnum);
        for (var i = 0; i < shnum; i++)
        {
            var at = shoff + (ulong)i * (ulong)shentsize;
            raw.Add(is64
                ? (reader.U32(at), reader.U32(at + 4), reader.U64(at + 16), reader.U64(at + 24), reader.U64(at + 32))
                : (reader.U32(at), reader.U32(at + 4), reader.U32(at + 12), reader.U32(at + 16), reader.U32(at + 20)));
        }
        if (shstrndx >= raw.Count || !reader.Contains(raw[shstrndx].Offset, raw[shstrndx].Size))
        {
            damage.Add("the section name table is missing or runs past the end of the file");
            return sections;
        }
        var names = raw[shstrndx];
        foreach (var (name, type, address, offset, size) in raw)
        {
            var nameAt = names.Offset + name;
            var nameMax = name < names.Size ? (int)Math.Min(names.Size - name, 4096) : 0;
            var fileSize = type == ShtNobits ? 0 : size;
            if (fileSize > 0 && !reader.Contains(offset, fileSize))
            {
                damage.Add($"section {reader.Name(nameAt, nameMax)} ({fileSize} bytes at offset {offset}) runs past the end of the file");
            }
            sections.Add(new ExecutableSection(reader.Name(nameAt, nameMax), null, address, size, offset, fileSize));
        }
        return sections;
    }
}
