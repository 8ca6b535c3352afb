namespace Strata.Vulnerabilities.Versions;

/// <summary>The comparer for each OSV ecosystem, looked up by the ecosystem's base name (<c>Debian</c>, <c>npm</c>, <c>crates.io</c>).</summary>
public static class VersionComparers
{
    private static readonly IVersionComparer[] All =
    [
        new DpkgVersionComparer(),
        new SemVerComparer(),
        new GoVersionComparer(),
        new NuGetVersionComparer(),
        new ApkVersionComparer(),
        new RpmVersionComparer(),
        new Pep440VersionComparer(),
        new MavenVersionComparer(),
        new RubyGemsVersionComparer(),
        new PubVersionComparer(),
        new HackageVersionComparer(),
        new CranVersionComparer(),
        new ComposerVersionComparer(),
    ];

    private static readonly Dictionary<string, IVersionComparer> ByEcosystem = All
        .SelectMany(c => c.Ecosystems.Select(e => (e, c)))
        .ToDictionary(p => p.e, p => p.c, StringComparer.OrdinalIgnoreCase);

    /// <summary>The comparer for an ecosystem base name, or null when Strata cannot order that ecosystem's versions.</summary>
    public static IVersionComparer? For(string ecosystemBase) => ByEcosystem.GetValueOrDefault(ecosystemBase);

    /// <summary>The comparer for ranges of type SEMVER, whatever the ecosystem.</summary>
    public static IVersionComparer? SemVer => For("npm");
}
