namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// Haskell's Hackage ordering (the Package Versioning Policy, Cabal's <c>Version</c>): a dotted list of numbers
/// compared part by part, where a longer list that starts with a shorter one is greater (<c>1.0 &lt; 1.0.0</c>).
/// </summary>
public sealed class HackageVersionComparer : IVersionComparer
{
    public IReadOnlyList<string> Ecosystems { get; } = ["Hackage", "GHC"];

    public bool IsValid(string version) => Parse(version) is not null;

    public int Compare(string? x, string? y) => ParsedOrdering.Compare(x, y, Parse, NumericText.CompareLists);

    private static string[]? Parse(string version)
    {
        var parts = version.Split('.');
        return parts.All(p => NumericText.IsDigits(p)) ? parts : null;
    }
}
