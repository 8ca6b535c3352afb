using System.Text;

namespace Strata.Fuzz;

/// <summary>
/// Mutations of a layer's tar at the block level: broken and lying headers, duplicated entries, hostile names.
/// Whoever calls this recompresses the result and recomputes every digest, so the defect reaches the tar reader.
/// </summary>
internal static class TarMutator
{
    private static readonly string[] HostileNames =
    [
        ".wh.", "./.wh.", ".wh..", "../../escaped", "/etc/absolute", "a\nstrata: error: forged line", "\u001b[2J\u001b]0;pwned\u0007title",
        "dir/../../up", ".wh..wh..opq", "etc/.wh..wh..opq", "", "./", "a//b///c", "name\0hidden",
    ];

    public static byte[] Mutate(byte[] tar, Random random, CaseLog log, Reach reach = Reach.Content)
    {
        var blocks = TarBlocks.Walk(tar);
        if (blocks.Count == 0)
        {
            return ByteMutator.Mutate(tar, random, log);
        }
        var block = PickEntry(blocks, random);
        var copy = (byte[])tar.Clone();
        switch (random.Next(12))
        {
            case 0:
                var at = block.HeaderOffset + random.Next(TarBlocks.BlockSize);
                copy[at] = (byte)random.Next(256);
                var fixedSum = random.Next(2) == 0;
                if (fixedSum)
                {
                    TarBlocks.FixChecksum(copy, block.HeaderOffset);
                }
                log.Add($"tar: header byte {at - block.HeaderOffset} of '{block.Name}' changed{(fixedSum ? ", checksum fixed" : "")}");
                return copy;
            case 1:
                Encoding.ASCII.GetBytes(random.Next(2) == 0 ? "zzzzzz\0 " : "0000000\0").CopyTo(copy, block.HeaderOffset + 148);
                log.Add($"tar: checksum of '{block.Name}' wrong");
                log.Refuse("a tar header with a wrong checksum", reach);
                return copy;
            case 2:
                var duplicate = tar.AsSpan(block.HeaderOffset, block.End - block.HeaderOffset).ToArray();
                var end = TarBlocks.EndOfEntries(tar);
                log.Add($"tar: '{block.Name}' appended a second time");
                if (reach == Reach.Content)
                {
                    log.Accept("the same path twice in one layer is legal (the last entry wins)");
                }
                return TarBlocks.Splice(tar, end, 0, duplicate);
            case 3:
                var size = random.Next(3) switch { 0 => 077777777777L, 1 => block.Size + 1 + random.Next(4096), _ => Math.Max(0, block.Size - 1 - random.Next(600)) };
                TarBlocks.WriteOctal(copy, block.HeaderOffset + 124, 12, size);
                TarBlocks.FixChecksum(copy, block.HeaderOffset);
                log.Add($"tar: size of '{block.Name}' says {size} instead of {block.Size}");
                return copy;
            case 4:
                var keep = random.Next(tar.Length);
                log.Add($"tar: truncated at {keep} of {tar.Length}");
                return tar[..keep];
            case 5:
                return LongName(tar, block, random, log, reach);
            case 6:
                var name = HostileNames[random.Next(HostileNames.Length)];
                var type = "05"[random.Next(2)];
                log.Add($"tar: entry '{Printable(name)}' of type '{type}' inserted");
                return TarBlocks.Splice(tar, block.HeaderOffset, 0, TarBlocks.Entry(name, type, type == '0' ? "content"u8.ToArray() : []));
            case 7:
                var newType = "5234167Lxg"[random.Next(10)];
                copy[block.HeaderOffset + 156] = (byte)newType;
                TarBlocks.FixChecksum(copy, block.HeaderOffset);
                log.Add($"tar: type of '{block.Name}' ({block.Size} bytes of data) changed to '{newType}'");
                return copy;
            case 8:
                var link = random.Next(3) switch { 0 => "/dev/zero", 1 => "../../../../etc/passwd", _ => block.Name };
                var linkType = "12"[random.Next(2)];
                log.Add($"tar: link '{block.Name}' ({linkType}) to '{link}' inserted after it");
                return TarBlocks.Splice(tar, block.End, 0, TarBlocks.Entry(block.Name, linkType, [], link));
            case 9:
                log.Add("tar: end-of-archive blocks removed");
                return tar[..TarBlocks.EndOfEntries(tar)];
            case 10:
                var pax = Encoding.UTF8.GetBytes(PaxRecord(random));
                log.Add($"tar: pax header '{Printable(Encoding.UTF8.GetString(pax[..Math.Min(40, pax.Length)]))}…' inserted before '{block.Name}'");
                return TarBlocks.Splice(tar, block.HeaderOffset, 0, TarBlocks.Entry("PaxHeaders/x", 'x', pax));
            default:
                return ByteMutator.Mutate(tar, random, log);
        }
    }

    /// <summary>Prefers the entries catalogers and the OS detector read, which are where duplicates hurt.</summary>
    private static TarBlock PickEntry(List<TarBlock> blocks, Random random)
    {
        var interesting = blocks.Where(b => PackageFiles.IsInteresting(b.Name)).ToList();
        return interesting.Count > 0 && random.Next(2) == 0 ? interesting[random.Next(interesting.Count)] : blocks[random.Next(blocks.Count)];
    }

    /// <summary>A GNU long-name entry: either really long (past any sane cap), or claiming a huge length it does not have.</summary>
    private static byte[] LongName(byte[] tar, TarBlock block, Random random, CaseLog log, Reach reach)
    {
        if (random.Next(2) == 0)
        {
            var length = random.Next(3) switch { 0 => 70 * 1024, 1 => 300, _ => 2 * 1024 * 1024 };
            var name = Encoding.ASCII.GetBytes(new string('n', length));
            log.Add($"tar: GNU long name of {length} bytes before '{block.Name}'");
            if (length >= 2 * 1024 * 1024)
            {
                log.Refuse("a tar entry name of 2 MiB", reach);
            }
            return TarBlocks.Splice(tar, block.HeaderOffset, 0, TarBlocks.Entry("././@LongLink", 'L', name));
        }
        var header = TarBlocks.Header("././@LongLink", random.Next(2) == 0 ? 'L' : 'K', 512L * 1024 * 1024);
        log.Add($"tar: GNU long name claiming 512 MiB before '{block.Name}'");
        return TarBlocks.Splice(tar, block.HeaderOffset, 0, header);
    }

    private static string PaxRecord(Random random) => random.Next(4) switch
    {
        0 => "99999999999 path=huge\n",
        1 => "30 size=999999999999999999\n",
        2 => "20 path=\u001b[31mred\n",
        _ => "12 garbage",
    };

    public static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
}
