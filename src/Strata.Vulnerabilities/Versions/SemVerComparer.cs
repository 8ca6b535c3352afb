namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// SemVer 2.0 precedence, for npm, crates.io and the other ecosystems whose versions are SemVer (Hex, SwiftURL,
/// Bitnami), and for OSV ranges of type SEMVER. Tolerant as OSV's data needs:
/// a leading <c>v</c> is ignored, missing core parts count as 0, build metadata is ignored.
/// </summary>
public sealed class SemVerComparer : IVersionComparer
{
    public IReadOnlyList<string> Ecosystems { get; } = ["npm", "crates.io", "Hex", "SwiftURL", "Bitnami"];

    public bool IsValid(string version) =>
        SemVerVersion.Parse(version) is { } parsed && parsed.Core.Length <= 3 && parsed.HasWellFormedLabels();

    public int Compare(string? x, string? y) =>
        ParsedOrdering.Compare(x, y, SemVerVersion.Parse, (a, b) => SemVerVersion.Compare(a, b));
}
