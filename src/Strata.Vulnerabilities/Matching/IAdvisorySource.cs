using Strata.Vulnerabilities.Osv;

namespace Strata.Vulnerabilities.Matching;

/// <summary>Where the matcher finds advisories: the SQLite store, or records held in memory.</summary>
public interface IAdvisorySource
{
    /// <summary>
    /// Every record with an <c>affected</c> entry for <paramref name="name"/> in <paramref name="ecosystemBase"/>
    /// (the ecosystem without its release: <c>Debian</c>, <c>npm</c>), whatever the release.
    /// </summary>
    IReadOnlyList<OsvRecord> Find(string ecosystemBase, string name);
}
