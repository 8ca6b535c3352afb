using System.Text;

namespace Strata.Fuzz;

/// <summary>
/// Mutations of the package databases and metadata inside a layer (dpkg status, apk installed, rpm Packages,
/// METADATA, package.json, deps.json, jars, gemspecs, copyright files, os-release), each aimed at its parser.
/// </summary>
internal static class PackageFiles
{
    private static readonly string[] Suffixes =
    [
        "os-release", "var/lib/dpkg/status", "lib/apk/db/installed", "/Packages", "rpmdb.sqlite", "/METADATA", "/PKG-INFO",
        "package.json", ".deps.json", ".jar", "MANIFEST.MF", ".gemspec", "/copyright", ".list", "composer/installed.json",
    ];

    public static bool IsInteresting(string name) =>
        Suffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)) || name.Contains("dpkg/status.d/", StringComparison.Ordinal);

    /// <summary>Rewrites one package file of <paramref name="tar"/> (the whole entry, so its header agrees with its new size).</summary>
    public static byte[]? Mutate(byte[] tar, Random random, CaseLog log)
    {
        var candidates = TarBlocks.Walk(tar).Where(b => b.Type is '0' or '\0' && IsInteresting(b.Name)).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var block = candidates[random.Next(candidates.Count)];
        var content = tar.AsSpan(block.HeaderOffset + TarBlocks.BlockSize, (int)block.Size).ToArray();
        var mutated = MutateContent(block.Name, content, random, log);
        return TarBlocks.Splice(tar, block.HeaderOffset, block.End - block.HeaderOffset, TarBlocks.Entry(block.Name, '0', mutated));
    }

    private static byte[] MutateContent(string name, byte[] content, Random random, CaseLog log)
    {
        if (name.EndsWith(".json", StringComparison.Ordinal) && random.Next(3) > 0)
        {
            log.Add($"package file '{name}':");
            return JsonMutator.Mutate(content, random, log);
        }
        if (random.Next(2) == 0 && WorstCase(name) is { } worst)
        {
            log.Add($"package file '{name}': {worst.Description}");
            return worst.Content(content);
        }
        var text = Encoding.UTF8.GetString(content);
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        switch (random.Next(9))
        {
            case 0:
                var count = random.Next(2) == 0 ? 300_000 : random.Next(1, 2000);
                lines.InsertRange(line + 1, Enumerable.Repeat(" .", count));
                log.Add($"package file '{name}': {count} continuation lines after line {line}");
                break;
            case 1:
                var copies = random.Next(2) == 0 ? 50_000 : random.Next(2, 50);
                var stanza = string.Join('\n', lines.Take(Math.Min(lines.Count, 12))) + "\n\n";
                log.Add($"package file '{name}': its first stanza repeated {copies} times");
                return Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(stanza, copies)) + text);
            case 2:
                var escape = new[] { "\u001b[2J", "\u001b]0;pwned\u0007", "\r\u001b[Kstrata: error: forged", "\0", "\u009b31m" }[random.Next(5)];
                lines[line] = lines[line].Length > 3 ? lines[line].Insert(random.Next(lines[line].Length), escape) : lines[line] + escape;
                log.Add($"package file '{name}': control characters {TarMutator.Printable(escape)} in line {line}");
                break;
            case 3:
                var length = random.Next(2) == 0 ? 2 * 1024 * 1024 : 70_000;
                lines[line] += new string(random.Next(2) == 0 ? 'a' : ':', length);
                log.Add($"package file '{name}': line {line} made {length} characters longer");
                break;
            case 4:
                log.Add($"package file '{name}': 1 MiB of newlines");
                return Encoding.ASCII.GetBytes(new string('\n', 1024 * 1024));
            case 5:
                log.Add($"package file '{name}': CRLF line ends, one key without a colon");
                lines[line] = lines[line].Replace(":", "", StringComparison.Ordinal);
                return Encoding.UTF8.GetBytes(string.Join("\r\n", lines));
            case 6:
                log.Add($"package file '{name}': licence stanzas repeated 100000 times");
                return Encoding.UTF8.GetBytes(text + string.Concat(Enumerable.Repeat("\nFiles: *\nLicense: GPL-2+\n", 100_000)));
            case 7:
                log.Add($"package file '{name}': emptied");
                return [];
            default:
                log.Add($"package file '{name}':");
                return ByteMutator.Mutate(content, random, log);
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    /// <summary>The input that costs each kind of file's parser the most if it is not linear (the campaign's hangs).</summary>
    private static (string Description, Func<byte[], byte[]> Content)? WorstCase(string name)
    {
        if (name.EndsWith("/copyright", StringComparison.Ordinal))
        {
            return ("200000 licence stanzas", content => [.. content, .. Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("\nLicense: GPL-2+\n", 200_000)))]);
        }
        if (name.EndsWith(".gemspec", StringComparison.Ordinal))
        {
            return ("1 MiB of newlines inside the specification", content => [.. content[..Math.Min(content.Length, 60)], .. new byte[1024 * 1024].Select(_ => (byte)'\n'), .. content[Math.Min(content.Length, 60)..]]);
        }
        if (name.EndsWith("status", StringComparison.Ordinal) || name.Contains("status.d/", StringComparison.Ordinal) || name.EndsWith("/installed", StringComparison.Ordinal)
            || name.EndsWith("METADATA", StringComparison.Ordinal) || name.EndsWith("PKG-INFO", StringComparison.Ordinal) || name.EndsWith("MANIFEST.MF", StringComparison.Ordinal))
        {
            return ("400000 continuation lines in its first field", content =>
            {
                var firstLine = Math.Max(0, Array.IndexOf(content, (byte)'\n'));
                return [.. content[..firstLine], .. Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("\n x", 400_000))), .. content[firstLine..]];
            });
        }
        return null;
    }
}
