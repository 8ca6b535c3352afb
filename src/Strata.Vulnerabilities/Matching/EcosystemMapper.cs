using Strata.Sbom.Model;

namespace Strata.Vulnerabilities.Matching;

/// <summary>Maps each Strata package to the OSV ecosystem, names and version it is matched by.</summary>
internal sealed class EcosystemMapper(OsInfo? os)
{
    public static readonly IReadOnlySet<string> OsManagers = new HashSet<string>(StringComparer.Ordinal) { "dpkg", "apk", "rpm" };

    private readonly Dictionary<string, (DistroEcosystem? Ecosystem, string? Unmapped)> distros = [];

    /// <summary>The target, or null with the reason (one phrase shared by every package it applies to).</summary>
    public OsvTarget? Map(Package package, out string? unmapped) =>
        OsManagers.Contains(package.Ecosystem) ? MapOsPackage(package, out unmapped) : LanguageEcosystems.Map(package, out unmapped);

    /// <summary>
    /// Distribution records name source packages (Debian's libc6 is filed under glibc). Debian's are versioned as the
    /// source is, which a binNMU's binary (<c>+b1</c>) or an epoch of its own does not share; rpm's source file name
    /// has no epoch, so rpm packages compare by the binary's epoch:version-release, which the source shares.
    /// </summary>
    private OsvTarget? MapOsPackage(Package package, out string? unmapped)
    {
        if (!distros.TryGetValue(package.Ecosystem, out var distro))
        {
            distro.Ecosystem = DistroEcosystem.For(os, package.Ecosystem, out distro.Unmapped);
            distros[package.Ecosystem] = distro;
        }
        unmapped = distro.Unmapped;
        if (distro.Ecosystem is not { } ecosystem)
        {
            return null;
        }
        var source = string.IsNullOrEmpty(package.SourceName) ? package.Name : package.SourceName;
        var names = ecosystem.BinaryNamesToo && source != package.Name ? new[] { source, package.Name } : [source];
        var version = package.Ecosystem == "dpkg" && !string.IsNullOrEmpty(package.SourceVersion) ? package.SourceVersion : package.Version;
        return new OsvTarget(package, ecosystem.Base, names, version, new EcosystemRules((a, b) => a == b, ecosystem.AcceptsRelease));
    }
}
