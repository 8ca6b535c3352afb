using Strata.Sbom.Model;

namespace Strata.Vulnerabilities.Matching;

/// <summary>
/// Language packages the OS package manager installed (Debian's python3-requests is PyPI's requests): the distribution
/// tracks and patches them, so they are matched as the distribution's package and not again in the language ecosystem.
/// A package is the OS's when every file it was found at is one an OS package lists as its own.
/// </summary>
internal sealed class OsOwnership
{
    private readonly HashSet<string> owned;

    public OsOwnership(IEnumerable<Package> packages) =>
        owned = packages.Where(p => EcosystemMapper.OsManagers.Contains(p.Ecosystem))
            .SelectMany(p => p.Files)
            .Select(Normalise)
            .ToHashSet(StringComparer.Ordinal);

    public bool Owns(Package package) =>
        !EcosystemMapper.OsManagers.Contains(package.Ecosystem)
        && package.Locations.Count > 0
        && package.Locations.All(l => owned.Contains(Normalise(l.Path)));

    private static string Normalise(string path) => path.TrimStart('/');
}
