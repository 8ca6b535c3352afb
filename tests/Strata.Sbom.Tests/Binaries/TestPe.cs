namespace Strata.Sbom.Tests.Binaries;

/// <summary>Writes a minimal PE32+ (64-bit) file: DOS stub header, PE signature, COFF and optional headers, section table, raw data.</summary>
internal static class TestPe
{
    public const ulong ImageBase = 0x140000000;
    private const int OptionalHeaderSize = 240;

    /// <summary>Section addresses are relative to <see cref="ImageBase"/>, as PE stores them.</summary>
    public static byte[] Build(IReadOnlyList<TestSection> sections)
    {
        var w = new ByteWriter(bigEndian: false);
        w.Text(0, "MZ");
        w.U32(0x3c, 0x80);
        w.Text(0x80, "PE\0\0");
        var coff = 0x84;
        w.U16(coff, 0x8664);
        w.U16(coff + 2, (ulong)sections.Count);
        w.U16(coff + 16, OptionalHeaderSize);
        w.U16(coff + 18, 0x22);
        var optional = coff + 20;
        w.U16(optional, 0x20b);
        w.U64(optional + 24, ImageBase);
        var table = optional + OptionalHeaderSize;
        var raw = ByteWriter.AlignUp(table + sections.Count * 40, 0x200);
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            var h = table + i * 40;
            w.Text(h, s.Name.Length <= 8 ? s.Name : s.Name[..8]);
            w.U32(h + 8, (ulong)s.Data.Length);
            w.U32(h + 12, s.Address);
            w.U32(h + 16, s.Size);
            w.U32(h + 20, (ulong)raw);
            w.U32(h + 36, s.Writable ? 0xC0000040u : 0x40000040u);
            w.Bytes(raw, s.Data);
            raw = ByteWriter.AlignUp(raw + s.Data.Length, 0x200);
        }
        w.U8(raw - 1, 0);
        return w.ToArray();
    }
}
