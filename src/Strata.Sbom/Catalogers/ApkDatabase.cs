namespace Strata.Sbom.Catalogers;

/// <summary>One installed package of apk's database.</summary>
internal sealed record ApkEntry(string Name, string Version, string? Architecture, string? Origin, string? License, IReadOnlyList<string> Files)
{
    public string Key => LayerHistory.Key(Name, Version, Architecture);
}

/// <summary>
/// Reads <c>/lib/apk/db/installed</c>: one-letter <c>X:value</c> lines, packages separated by blank lines. P name,
/// V version, A architecture, o origin, L licence, F folder and R file (in the last F folder).
/// </summary>
internal static class ApkDatabase
{
    public static List<ApkEntry> Parse(string text, Action<string>? warn)
    {
        var entries = new List<ApkEntry>();
        var budget = new FileNameBudget();
        var lines = text.Split('\n');
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i < lines.Length && lines[i].TrimEnd('\r').Length > 0)
            {
                continue;
            }
            if (i > start)
            {
                var entry = Read(lines.AsSpan(start, i - start), start + 1, warn, budget);
                if (entry is not null)
                {
                    entries.Add(entry);
                }
            }
            start = i + 1;
        }
        if (budget.Exhausted)
        {
            warn?.Invoke(budget.Warning);
        }
        return entries;
    }

    private static ApkEntry? Read(ReadOnlySpan<string> lines, int firstLine, Action<string>? warn, FileNameBudget budget)
    {
        string? name = null, version = null, arch = null, origin = null, license = null, folder = null, malformed = null;
        var files = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length < 2 || line[1] != ':')
            {
                malformed ??= $"line {firstLine + i} is not 'X:value'";
                continue;
            }
            var value = line[2..];
            switch (line[0])
            {
                case 'P': name = value; break;
                case 'V': version = value; break;
                case 'A': arch = value; break;
                case 'o': origin = value; break;
                case 'L': license = value; break;
                case 'F': folder = value.Trim('/'); break;
                case 'R' when budget.Take((folder?.Length ?? 0) + value.Length + 2): files.Add(folder is null or "" ? "/" + value : $"/{folder}/{value}"); break;
            }
        }
        var detail = malformed is null ? "" : $" ({malformed})";
        if (string.IsNullOrEmpty(name))
        {
            warn?.Invoke($"entry at line {firstLine} has no P (name) line{detail}; skipped");
            return null;
        }
        if (string.IsNullOrEmpty(version))
        {
            warn?.Invoke($"package '{name}' (line {firstLine}) has no V (version) line{detail}; skipped");
            return null;
        }
        if (malformed is not null)
        {
            warn?.Invoke($"package '{name}' (line {firstLine}): {malformed}; read the rest");
        }
        return new ApkEntry(name, version, string.IsNullOrEmpty(arch) ? null : arch, string.IsNullOrEmpty(origin) ? null : origin,
            string.IsNullOrWhiteSpace(license) ? null : license.Trim(), files);
    }
}
