using Strata.Vulnerabilities.Versions;

namespace Strata.Policy.Comparison;

/// <summary>
/// The version ordering of each cataloger's packages: the comparer of the OSV ecosystem the matcher looks them up in
/// (dpkg packages order as Debian's and Ubuntu's do, rpm's as every RPM distribution's, apk's as Alpine's, Wolfi's
/// and Chainguard's), found through <see cref="VersionComparers.For"/>.
/// </summary>
public static class PackageVersionOrder
{
    private static readonly Dictionary<string, string> OsvEcosystems = new(StringComparer.Ordinal)
    {
        ["dpkg"] = "Debian",
        ["rpm"] = "Red Hat",
        ["apk"] = "Alpine",
        ["npm"] = "npm",
        ["python"] = "PyPI",
        ["java"] = "Maven",
        ["go"] = "Go",
        ["dotnet"] = "NuGet",
        ["rust"] = "crates.io",
        ["ruby"] = "RubyGems",
        ["php"] = "Packagist",
    };

    /// <summary>The comparer for a cataloger's packages, or null for a cataloger Strata cannot order.</summary>
    public static IVersionComparer? For(string cataloger) =>
        OsvEcosystems.TryGetValue(cataloger, out var ecosystem) ? VersionComparers.For(ecosystem) : null;
}
