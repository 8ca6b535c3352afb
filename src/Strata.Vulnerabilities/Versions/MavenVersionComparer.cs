namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// Maven's version order, the algorithm of maven-artifact's ComparableVersion (3.8). Maven gives every string a
/// place, so every non-blank string without white space or control characters counts as a version.
/// </summary>
public sealed class MavenVersionComparer : IVersionComparer
{
    public IReadOnlyList<string> Ecosystems { get; } = ["Maven"];

    public bool IsValid(string version) =>
        !string.IsNullOrEmpty(version) && !version.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    public int Compare(string? x, string? y) => MavenVersion.Parse(x ?? "").CompareTo(MavenVersion.Parse(y ?? ""));
}
