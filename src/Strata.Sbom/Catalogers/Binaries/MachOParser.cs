using System.Buffers.Binary;

namespace Strata.Sbom.Catalogers.Binaries;

/// <summary>Reads a Mach-O file's segments and sections (32 or 64 bits, either byte order), and the slices of fat files.</summary>
internal static class MachOParser
{
    private const uint LcSegment = 0x1;
    private const uint LcSegment64 = 0x19;
    private const uint VmProtWrite = 2;
    private const uint VmProtExecute = 4;
    private const uint FatMagic = 0xcafebabe;
    private const uint FatMagic64 = 0xcafebabf;

    /// <summary>Java class files share the fat magic; their version field reads as 45 or more, a fat file's slice count is smaller.</summary>
    private const uint MaxFatSlices = 44;

    public static bool Looks(ReadOnlySpan<byte> head) =>
        head.Length >= 28 && Header(head) is not null;

    public static bool LooksFat(ReadOnlySpan<byte> head) =>
        head.Length >= 8
        && BinaryPrimitives.ReadUInt32BigEndian(head) is FatMagic or FatMagic64
        && BinaryPrimitives.ReadUInt32BigEndian(head[4..]) is > 0 and <= MaxFatSlices;

    /// <summary>The file ranges of a fat file's slices.</summary>
    public static List<(ulong Offset, ulong Size)> FatSlices(ReadOnlyMemory<byte> data)
    {
        var reader = new EndianReader(data, bigEndian: true);
        var is64 = reader.U32(0) == FatMagic64;
        var count = reader.U32(4);
        var entry = is64 ? 32u : 20u;
        var slices = new List<(ulong, ulong)>();
        for (var i = 0u; i < count && i < MaxFatSlices; i++)
        {
            var at = 8 + (ulong)i * entry;
            slices.Add(is64 ? (reader.U64(at + 8), reader.U64(at + 16)) : (reader.U32(at + 8), reader.U32(at + 12)));
        }
        return slices;
    }

    public static ExecutableFile Parse(ReadOnlyMemory<byte> data)
    {
        if (data.Length < 28 || Header(data.Span) is not var (bigEndian, is64))
        {
            throw new MalformedExecutableException("not a Mach-O file");
        }
        var reader = new EndianReader(data, bigEndian);
        var commands = reader.U32(16);
        var at = is64 ? 32ul : 28ul;
        var damage = new List<string>();
        var segments = new List<ExecutableSegment>();
        var sections = new List<ExecutableSection>();
        for (var i = 0u; i < commands; i++)
        {
            if (!reader.Contains(at, 8) || reader.U32(at + 4) is var size && (size < 8 || !reader.Contains(at, size)))
            {
                damage.Add($"load command {i} at offset {at} runs past the end of the file");
                break;
            }
            var command = reader.U32(at);
            if (command is LcSegment or LcSegment64)
            {
                ReadSegment(reader, at, command == LcSegment64, segments, sections, damage);
            }
            at += size;
        }
        return new ExecutableFile { Format = ExecutableFormat.MachO, Is64 = is64, Image = reader, Segments = segments, Sections = sections, Damage = damage };
    }

    private static (bool BigEndian, bool Is64)? Header(ReadOnlySpan<byte> head) =>
        BinaryPrimitives.ReadUInt32BigEndian(head) switch
        {
            0xfeedface => (true, false),
            0xfeedfacf => (true, true),
            0xcefaedfe => (false, false),
            0xcffaedfe => (false, true),
            _ => null,
        };

    private static void ReadSegment(
        EndianReader reader, ulong at, bool is64, List<ExecutableSegment> segments, List<ExecutableSection> sections, List<string> damage)
    {
        var name = reader.Name(at + 8, 16);
        var address = reader.Word(at + 24, is64);
        var memorySize = reader.Word(at + (is64 ? 32u : 28u), is64);
        var fileOffset = reader.Word(at + (is64 ? 40u : 32u), is64);
        var fileSize = reader.Word(at + (is64 ? 48u : 36u), is64);
        var protection = reader.U32(at + (is64 ? 60u : 44u));
        var count = reader.U32(at + (is64 ? 64u : 48u));
        if (!reader.Contains(fileOffset, fileSize))
        {
            damage.Add($"segment {name} ({fileSize} bytes at offset {fileOffset}) runs past the end of the file");
        }
        segments.Add(new ExecutableSegment(
            SegmentKind.Load, name, address, memorySize, fileOffset, fileSize, (protection & VmProtWrite) != 0, (protection & VmProtExecute) != 0));
        var entry = is64 ? 80u : 68u;
        var first = at + (is64 ? 72u : 56u);
        for (var i = 0u; i < count; i++)
        {
            var s = first + (ulong)i * entry;
            if (!reader.Contains(s, entry))
            {
                damage.Add($"segment {name}'s section {i} runs past the end of its load command");
                return;
            }
            var sectionName = reader.Name(s, 16);
            var segmentName = reader.Name(s + 16, 16);
            var sectionAddress = reader.Word(s + 32, is64);
            var size = reader.Word(s + 32 + (is64 ? 8u : 4u), is64);
            ulong offset = reader.U32(s + (is64 ? 48u : 40u));
            var type = reader.U32(s + (is64 ? 64u : 56u)) & 0xff;
            var sectionFileSize = type is 0x1 or 0xc or 0x12 ? 0 : size;
            if (sectionFileSize > 0 && !reader.Contains(offset, sectionFileSize))
            {
                damage.Add($"section {segmentName},{sectionName} ({sectionFileSize} bytes at offset {offset}) runs past the end of the file");
            }
            sections.Add(new ExecutableSection(sectionName, segmentName, sectionAddress, size, offset, sectionFileSize));
        }
    }
}
