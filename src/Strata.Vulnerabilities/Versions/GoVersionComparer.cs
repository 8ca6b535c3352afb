using System.Text.RegularExpressions;

namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// Go module versions (golang.org/ref/mod#versions): semantic versions with a <c>v</c> prefix, which OSV's Go records
/// leave out. Pseudo-versions such as <c>v1.2.4-0.20191109021931-daa7c04131f5</c> are pre-releases and order as such;
/// <c>+incompatible</c> is build metadata and is ignored. The Go toolchain's own names (<c>go1.19.8</c>,
/// <c>go1.21rc2</c>, <c>go1.20</c>, with any <c> X:experiment</c> tail), as a binary reports its standard library,
/// are read as the semantic versions the Go vulnerability database writes for them (<c>1.19.8</c>,
/// <c>1.21.0-rc.2</c>, <c>1.20.0</c>).
/// </summary>
public sealed partial class GoVersionComparer : IVersionComparer
{
    public IReadOnlyList<string> Ecosystems { get; } = ["Go"];

    /// <summary>Go's rules: one to three numeric parts without leading zeros, and labels only on a full version.</summary>
    public bool IsValid(string version)
    {
        if (Parse(version) is not { } parsed || parsed.Core.Length > 3 || !parsed.HasWellFormedLabels())
        {
            return false;
        }
        if (parsed.Core.Length < 3 && (parsed.Prerelease.Length > 0 || parsed.Build is not null))
        {
            return false;
        }
        return parsed.Core.Concat(parsed.Prerelease).All(p => !NumericText.IsDigits(p) || p.Length == 1 || p[0] != '0');
    }

    public int Compare(string? x, string? y) =>
        ParsedOrdering.Compare(x, y, Parse, (a, b) => SemVerVersion.Compare(a, b));

    private static SemVerVersion? Parse(string version)
    {
        if (version.StartsWith("go", StringComparison.Ordinal) && ToolchainVersion().Match(version) is { Success: true } toolchain)
        {
            var patch = toolchain.Groups["patch"].Success ? toolchain.Groups["patch"].Value : "0";
            var label = toolchain.Groups["label"].Success ? "-" + toolchain.Groups["label"].Value + "." + toolchain.Groups["number"].Value : "";
            version = toolchain.Groups["major"].Value + "." + toolchain.Groups["minor"].Value + "." + patch + label;
        }
        return SemVerVersion.Parse(version);
    }

    [GeneratedRegex(@"^go(?<major>[0-9]+)\.(?<minor>[0-9]+)(?:\.(?<patch>[0-9]+))?(?:(?<label>rc|beta)(?<number>[0-9]+))?(?: X:\S+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ToolchainVersion();
}
