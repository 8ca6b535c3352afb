namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// Dart's Pub ordering (the pub_semver package): SemVer 2.0 precedence, except that build metadata counts. A version
/// with build metadata sorts after the same version without it, and build identifiers compare as pre-release
/// identifiers do (numbers by value and before text, the shorter list first).
/// </summary>
public sealed class PubVersionComparer : IVersionComparer
{
    public IReadOnlyList<string> Ecosystems { get; } = ["Pub"];

    /// <summary>Three numbers and well-formed labels; also OSV's <c>0</c>, "since the first version", in every ecosystem.</summary>
    public bool IsValid(string version) =>
        version == "0" || !version.StartsWith('v') && SemVerVersion.Parse(version) is { Core.Length: 3 } parsed && parsed.HasWellFormedLabels();

    public int Compare(string? x, string? y) => ParsedOrdering.Compare(x, y, SemVerVersion.Parse, ComparePub);

    private static int ComparePub(SemVerVersion a, SemVerVersion b)
    {
        var order = SemVerVersion.Compare(a, b);
        if (order != 0)
        {
            return order;
        }
        if (a.Build is null || b.Build is null)
        {
            return (a.Build is not null).CompareTo(b.Build is not null);
        }
        return IdentifierList.Compare(a.Build.Split('.'), b.Build.Split('.'), StringComparison.Ordinal);
    }
}
