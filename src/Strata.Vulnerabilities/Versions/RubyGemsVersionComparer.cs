using System.Text.RegularExpressions;

namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// RubyGems' version order, Gem::Version's. A string Gem::Version refuses (<see cref="IsValid"/> false) is still
/// ordered by the same segments, read from its digit and letter runs, so it lands where its numbers put it.
/// </summary>
public sealed partial class RubyGemsVersionComparer : IVersionComparer
{
    public IReadOnlyList<string> Ecosystems { get; } = ["RubyGems"];

    public bool IsValid(string version) => Pattern().IsMatch(version);

    public int Compare(string? x, string? y) =>
        RubyGemsVersion.Compare(RubyGemsVersion.CanonicalSegments(x ?? ""), RubyGemsVersion.CanonicalSegments(y ?? ""));

    // Gem::Version::ANCHORED_VERSION_PATTERN; blank text is version 0.
    [GeneratedRegex(@"^[ \t\n\v\f\r]*(?:[0-9]+(?>\.[0-9a-zA-Z]+)*(?:-[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?)?[ \t\n\v\f\r]*\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
