namespace Strata.Sbom.Catalogers;

/// <summary>One installed package of a dpkg (or opkg) status file.</summary>
internal sealed record DpkgEntry(string Name, string Version, string? Architecture, string SourceName, string SourceVersion)
{
    public string Key => LayerHistory.Key(Name, Version, Architecture);
}

/// <summary>Reads the installed packages of a dpkg status file (or a distroless status.d file, or opkg's status).</summary>
internal static class DpkgStatus
{
    /// <summary>
    /// The installed packages, in file order. A paragraph without Package or Version is skipped and told to
    /// <paramref name="warn"/>; one whose Status says it is not installed is skipped silently.
    /// </summary>
    public static List<DpkgEntry> Parse(string text, Action<string>? warn)
    {
        var entries = new List<DpkgEntry>();
        // dpkg keeps one record per package and architecture; a status file that repeats one is read as dpkg
        // would write it back: the last stanza wins, in the place of the first.
        var at = new Dictionary<(string Name, string? Architecture), int>();
        var repeats = 0;
        ControlFile.ParseEach(text, paragraph =>
        {
            var name = paragraph["Package"];
            var version = paragraph["Version"];
            if (string.IsNullOrEmpty(name))
            {
                warn?.Invoke($"paragraph at line {paragraph.Line} has no Package field{Detail(paragraph)}; skipped");
                return;
            }
            if (string.IsNullOrEmpty(version))
            {
                warn?.Invoke($"package '{name}' (line {paragraph.Line}) has no Version field{Detail(paragraph)}; skipped");
                return;
            }
            if (paragraph.Malformed is not null)
            {
                warn?.Invoke($"package '{name}' (line {paragraph.Line}): {paragraph.Malformed}; read the rest");
            }
            if (!IsInstalled(paragraph["Status"]))
            {
                return;
            }
            var (sourceName, sourceVersion) = Source(paragraph["Source"], name, version);
            var arch = paragraph["Architecture"];
            var entry = new DpkgEntry(name, version, string.IsNullOrEmpty(arch) ? null : arch, sourceName, sourceVersion);
            if (at.TryGetValue((entry.Name, entry.Architecture), out var earlier))
            {
                entries[earlier] = entry;
                repeats++;
                return;
            }
            at[(entry.Name, entry.Architecture)] = entries.Count;
            entries.Add(entry);
        });
        if (repeats > 0)
        {
            warn?.Invoke($"{repeats} stanzas repeat a package already listed (same name and architecture); the last of each is read");
        }
        return entries;
    }

    /// <summary>
    /// Installed when there is no Status field (distroless status.d files have none) or when it reads
    /// "install ok installed" (or "hold ok installed": held packages are installed too).
    /// </summary>
    public static bool IsInstalled(string? status)
    {
        if (status is null)
        {
            return true;
        }
        var words = status.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 3 && words[0] is "install" or "hold" && words[1] == "ok" && words[2] == "installed";
    }

    /// <summary><c>Source: glibc (2.36-9)</c> names the source package and, when it differs, its version.</summary>
    public static (string Name, string Version) Source(string? source, string name, string version)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return (name, version);
        }
        var open = source.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return (source.Trim(), version);
        }
        var close = source.IndexOf(')', open);
        var sourceName = source[..open].Trim();
        var sourceVersion = (close < 0 ? source[(open + 1)..] : source[(open + 1)..close]).Trim();
        return (sourceName.Length == 0 ? name : sourceName, sourceVersion.Length == 0 ? version : sourceVersion);
    }

    private static string Detail(ControlParagraph paragraph) => paragraph.Malformed is null ? "" : $" ({paragraph.Malformed})";
}
