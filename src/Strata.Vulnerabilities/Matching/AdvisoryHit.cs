using Strata.Vulnerabilities.Osv;
using Strata.Vulnerabilities.Severity;

namespace Strata.Vulnerabilities.Matching;

/// <summary>One record that affects one package: the entry that matched, its fixed versions and its severity.</summary>
internal sealed record AdvisoryHit(OsvRecord Record, OsvAffected Affected, IReadOnlyList<string> FixedVersions, SeverityRating Severity)
{
    /// <summary>The record's own ID and its aliases: two records sharing any of these are one vulnerability.</summary>
    public IEnumerable<string> Ids => Record.Aliases.Prepend(Record.Id);
}
