using Strata.Vulnerabilities.Osv;

namespace Strata.Vulnerabilities.Matching;

/// <summary>Where the matcher finds advisories: the SQLite store, or records held in memory.</summary>
public interface IAdvisorySource
{
    /// <summary>
    /// Every record with an <c>affected</c> entry for <paramref name="name"/> in <paramref name="ecosystemBase"/>
    /// (the ecosystem without its release: <c>Debian</c>, <c>npm</c>), whatever the release. Names should be compared
    /// without regard to case (NuGet, Packagist and PyPI names are case-insensitive): the matcher applies each
    /// ecosystem's own name rule to what is returned, so a wider answer is safe and a narrower one misses records.
    /// </summary>
    IReadOnlyList<OsvRecord> Find(string ecosystemBase, string name);
}
