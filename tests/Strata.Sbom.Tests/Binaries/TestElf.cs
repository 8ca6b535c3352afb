namespace Strata.Sbom.Tests.Binaries;

/// <summary>
/// Writes a minimal ELF executable: header, one PT_LOAD per loaded section, the sections' bytes (16-byte aligned, so file
/// offsets and addresses agree modulo 16), the section name table and the section headers at the end, as GNU ld lays them out.
/// </summary>
internal static class TestElf
{
    public static byte[] Build(IReadOnlyList<TestSection> sections, bool is64 = true, bool bigEndian = false, ushort type = 2)
    {
        var w = new ByteWriter(bigEndian);
        var headerSize = is64 ? 64 : 52;
        var phentsize = is64 ? 56 : 32;
        var shentsize = is64 ? 64 : 40;
        var loaded = Enumerable.Range(0, sections.Count).Where(i => sections[i].Address != 0).ToList();
        var offset = ByteWriter.AlignUp(headerSize + loaded.Count * phentsize, 16);
        var offsets = new List<int>();
        foreach (var section in sections)
        {
            offsets.Add(offset);
            w.Bytes(offset, section.Data);
            offset = ByteWriter.AlignUp(offset + section.Data.Length, 16);
        }
        var names = new List<int>();
        var nameTable = offset;
        var nameAt = 1;
        w.U8(nameTable, 0);
        foreach (var name in sections.Select(s => s.Name).Append(".shstrtab"))
        {
            names.Add(nameAt);
            w.Text(nameTable + nameAt, name);
            w.U8(nameTable + nameAt + name.Length, 0);
            nameAt += name.Length + 1;
        }
        var shoff = ByteWriter.AlignUp(nameTable + nameAt, 8);

        w.Bytes(0, [0x7f, (byte)'E', (byte)'L', (byte)'F', (byte)(is64 ? 2 : 1), (byte)(bigEndian ? 2 : 1), 1]);
        w.U16(16, type);
        w.U16(18, is64 ? 62u : 3u);
        w.U32(20, 1);
        w.Word(is64 ? 32 : 28, (ulong)headerSize, is64);
        w.Word(is64 ? 40 : 32, (ulong)shoff, is64);
        var at = is64 ? 52 : 40;
        w.U16(at, (ulong)headerSize);
        w.U16(at + 2, (ulong)phentsize);
        w.U16(at + 4, (ulong)loaded.Count);
        w.U16(at + 6, (ulong)shentsize);
        w.U16(at + 8, (ulong)sections.Count + 2);
        w.U16(at + 10, (ulong)sections.Count + 1);

        for (var i = 0; i < loaded.Count; i++)
        {
            var p = headerSize + i * phentsize;
            var s = sections[loaded[i]];
            var fileOffset = (ulong)offsets[loaded[i]];
            var flags = s.Writable ? 6u : 5u;
            w.U32(p, 1);
            w.U32(p + (is64 ? 4 : 24), flags);
            w.Word(p + (is64 ? 8 : 4), fileOffset, is64);
            w.Word(p + (is64 ? 16 : 8), s.Address, is64);
            w.Word(p + (is64 ? 24 : 12), s.Address, is64);
            w.Word(p + (is64 ? 32 : 16), s.Size, is64);
            w.Word(p + (is64 ? 40 : 20), s.Size, is64);
        }
        for (var i = 0; i <= sections.Count; i++)
        {
            var h = shoff + (i + 1) * shentsize;
            var isNames = i == sections.Count;
            var s = isNames ? null : sections[i];
            w.U32(h, (ulong)names[i]);
            w.U32(h + 4, isNames ? 3u : 1u);
            w.Word(h + 8, s is { Address: not 0 } ? (s.Writable ? 3u : 2u) : 0u, is64);
            w.Word(h + (is64 ? 16 : 12), s?.Address ?? 0, is64);
            w.Word(h + (is64 ? 24 : 16), (ulong)(isNames ? nameTable : offsets[i]), is64);
            w.Word(h + (is64 ? 32 : 20), isNames ? (ulong)nameAt : s!.Size, is64);
        }
        w.U8(shoff + (sections.Count + 2) * shentsize - 1, 0);
        return w.ToArray();
    }
}
