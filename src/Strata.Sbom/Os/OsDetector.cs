using System.Text;
using Strata.Sbom.Capture;
using Strata.Sbom.Model;

namespace Strata.Sbom.Os;

/// <summary>Reads the image's OS from <c>/etc/os-release</c> (or <c>/usr/lib/os-release</c>), <c>/etc/alpine-release</c> and <c>/etc/debian_version</c>.</summary>
public static class OsDetector
{
    public static readonly IReadOnlySet<string> Paths = new HashSet<string>(StringComparer.Ordinal)
    {
        "etc/os-release", "usr/lib/os-release", "etc/alpine-release", "etc/debian_version",
    };

    public static OsInfo? Detect(IEnumerable<CapturedFile> visibleFiles)
    {
        // Later layers win should two copies of a path both claim to be visible.
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in visibleFiles.Where(f => Paths.Contains(f.Path)).OrderBy(f => f.Layer))
        {
            files[file.Path] = Encoding.UTF8.GetString(file.Content);
        }
        var release = files.GetValueOrDefault("etc/os-release") ?? files.GetValueOrDefault("usr/lib/os-release");
        if (release is not null)
        {
            var fields = ParseOsRelease(release);
            var id = fields.GetValueOrDefault("ID") ?? "linux";
            var version = fields.GetValueOrDefault("VERSION_ID") ?? "";
            if (id == "alpine" && files.TryGetValue("etc/alpine-release", out var alpine))
            {
                version = alpine.Trim();
            }
            return new OsInfo(id, version, fields.GetValueOrDefault("PRETTY_NAME"), fields.GetValueOrDefault("VERSION_CODENAME"));
        }
        if (files.TryGetValue("etc/alpine-release", out var alpineOnly))
        {
            return new OsInfo("alpine", alpineOnly.Trim(), null, null);
        }
        if (files.TryGetValue("etc/debian_version", out var debian))
        {
            var major = debian.Trim().Split('.')[0];
            return new OsInfo("debian", major.All(char.IsAsciiDigit) ? major : debian.Trim(), null, null);
        }
        return null;
    }

    /// <summary>KEY=value lines, values optionally quoted, comments and blank lines ignored.</summary>
    public static Dictionary<string, string> ParseOsRelease(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line.StartsWith('#') || equals <= 0)
            {
                continue;
            }
            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
            }
            fields[line[..equals]] = value;
        }
        return fields;
    }
}
