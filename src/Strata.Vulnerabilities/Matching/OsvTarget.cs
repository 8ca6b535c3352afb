using Strata.Sbom.Model;
using Strata.Vulnerabilities.Osv;

namespace Strata.Vulnerabilities.Matching;

/// <summary>
/// Where a package is looked up in OSV: the ecosystem base (<c>Debian</c>, <c>PyPI</c>), the names to ask for, the
/// version to compare, and which <c>affected</c> entries speak of it (their release and name).
/// </summary>
internal sealed record OsvTarget(Package Package, string EcosystemBase, IReadOnlyList<string> Names, string Version, EcosystemRules Rules)
{
    public bool Covers(OsvPackage affected) =>
        string.Equals(affected.EcosystemBase, EcosystemBase, StringComparison.OrdinalIgnoreCase)
        && Rules.AcceptsRelease(affected.Release)
        && Names.Any(n => Rules.SameName(n, affected.Name));
}

/// <summary>How one ecosystem compares package names and which releases of it apply to the image.</summary>
internal sealed record EcosystemRules(Func<string, string, bool> SameName, Func<string?, bool> AcceptsRelease)
{
    public static readonly EcosystemRules Exact = new((a, b) => a == b, _ => true);

    public static readonly EcosystemRules IgnoreCase = new((a, b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase), _ => true);
}
