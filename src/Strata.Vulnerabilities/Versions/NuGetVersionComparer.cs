namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// NuGet's version ordering (learn.microsoft.com/nuget/concepts/package-versioning): up to four numeric parts, with
/// missing ones counting as 0 and leading zeros ignored (<c>1.0.01</c> is <c>1.0.1.0</c>); pre-release labels compare
/// as SemVer 2.0 identifiers but case-insensitively; metadata after <c>+</c> is ignored.
/// </summary>
public sealed class NuGetVersionComparer : IVersionComparer
{
    public IReadOnlyList<string> Ecosystems { get; } = ["NuGet"];

    public bool IsValid(string version) =>
        Parse(version) is { } parsed && parsed.HasWellFormedLabels();

    public int Compare(string? x, string? y) =>
        ParsedOrdering.Compare(x, y, Parse, (a, b) => SemVerVersion.Compare(a, b, StringComparison.OrdinalIgnoreCase));

    private static SemVerVersion? Parse(string version) =>
        version.StartsWith('v') || SemVerVersion.Parse(version) is not { Core.Length: <= 4 } parsed ? null : parsed;
}
