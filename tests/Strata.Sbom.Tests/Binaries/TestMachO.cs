namespace Strata.Sbom.Tests.Binaries;

/// <summary>
/// Writes a minimal 64-bit little-endian Mach-O executable with one segment (<c>__DATA</c>, read-write) holding the sections,
/// and fat files that bundle several.
/// </summary>
internal static class TestMachO
{
    public const ulong SegmentAddress = 0x100004000;
    private const int HeaderSize = 32;
    private const int SegmentCommandSize = 72;
    private const int SectionSize = 80;

    /// <summary>Sections are laid out one after another in the segment; their <see cref="TestSection.Address"/> is ignored.</summary>
    public static byte[] Build(IReadOnlyList<TestSection> sections, string segment = "__DATA")
    {
        var w = new ByteWriter(bigEndian: false);
        var commandSize = SegmentCommandSize + sections.Count * SectionSize;
        w.U32(0, 0xfeedfacf);
        w.U32(4, 0x0100000c);
        w.U32(12, 2);
        w.U32(16, 1);
        w.U32(20, (ulong)commandSize);
        var c = HeaderSize;
        var fileOffset = ByteWriter.AlignUp(HeaderSize + commandSize, 0x1000);
        var offsets = new List<int>();
        var at = fileOffset;
        foreach (var s in sections)
        {
            offsets.Add(at);
            w.Bytes(at, s.Data);
            at = ByteWriter.AlignUp(at + s.Data.Length, 16);
        }
        var fileSize = (ulong)(at - fileOffset);
        w.U32(c, 0x19);
        w.U32(c + 4, (ulong)commandSize);
        w.Text(c + 8, segment);
        w.U64(c + 24, SegmentAddress);
        w.U64(c + 32, fileSize);
        w.U64(c + 40, (ulong)fileOffset);
        w.U64(c + 48, fileSize);
        w.U32(c + 56, 3);
        w.U32(c + 60, 3);
        w.U32(c + 64, (ulong)sections.Count);
        for (var i = 0; i < sections.Count; i++)
        {
            var h = c + SegmentCommandSize + i * SectionSize;
            w.Text(h, sections[i].Name);
            w.Text(h + 16, segment);
            w.U64(h + 32, SegmentAddress + (ulong)(offsets[i] - fileOffset));
            w.U64(h + 40, sections[i].Size);
            w.U32(h + 48, (ulong)offsets[i]);
            w.U32(h + 52, 4);
        }
        w.U8(at, 0);
        return w.ToArray();
    }

    /// <summary>A fat (universal) file: big-endian header and 32-bit arch entries, slices 4 KiB aligned.</summary>
    public static byte[] Fat(params byte[][] slices)
    {
        var w = new ByteWriter(bigEndian: true);
        w.U32(0, 0xcafebabe);
        w.U32(4, (ulong)slices.Length);
        var at = 0x1000;
        for (var i = 0; i < slices.Length; i++)
        {
            var e = 8 + i * 20;
            w.U32(e, 0x0100000c);
            w.U32(e + 8, (ulong)at);
            w.U32(e + 12, (ulong)slices[i].Length);
            w.U32(e + 16, 12);
            w.Bytes(at, slices[i]);
            at = ByteWriter.AlignUp(at + slices[i].Length, 0x1000);
        }
        return w.ToArray();
    }
}
