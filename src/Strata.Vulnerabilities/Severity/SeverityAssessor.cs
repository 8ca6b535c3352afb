using Strata.Vulnerabilities.Osv;

namespace Strata.Vulnerabilities.Severity;

/// <summary>
/// A finding's severity, from the first source that gives one:
/// <list type="number">
/// <item>a valid CVSS v4.0 vector (the affected entry's own severity first, then the record's): its base score;</item>
/// <item>a valid CVSS v3.0/v3.1 vector, in the same order;</item>
/// <item>GHSA's <c>database_specific.severity</c>;</item>
/// <item>the distribution's own rating: the affected entry's urgency or severity, then a severity entry of type Ubuntu;</item>
/// <item>else unknown.</item>
/// </list>
/// CVSS v2 vectors are not scored: a record with only those falls through to the ratings. An invalid vector is skipped,
/// never an error.
/// </summary>
public static class SeverityAssessor
{
    public const string CvssV4Source = "CVSS_V4";
    public const string CvssV3Source = "CVSS_V3";
    public const string GhsaSource = "GHSA";

    public static SeverityRating Assess(OsvRecord record, OsvAffected affected)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(affected);
        IReadOnlyList<OsvSeverity> severities = [.. affected.Severity, .. record.Severity];
        return Scored(severities, CvssV4Source, CvssV4.BaseScore)
            ?? Scored(severities, CvssV3Source, CvssV3.BaseScore)
            ?? Named(record.DatabaseSeverity, GhsaSource)
            ?? Named(affected.DistroSeverity, DistributionName(affected))
            ?? severities.Where(s => s.Type == "Ubuntu").Select(s => Named(s.Score, "Ubuntu")).FirstOrDefault(r => r is not null)
            ?? SeverityRating.Unknown;
    }

    private static SeverityRating? Scored(IReadOnlyList<OsvSeverity> severities, string type, Func<string, double?> baseScore)
    {
        foreach (var severity in severities.Where(s => s.Type == type))
        {
            if (baseScore(severity.Score) is { } score)
            {
                return new SeverityRating(QualitativeScale.Level(score), score, severity.Score.Trim(), type);
            }
        }
        return null;
    }

    private static SeverityRating? Named(string? rating, string source) =>
        NamedRatings.Level(rating) is { } level ? new SeverityRating(level, null, null, source) : null;

    /// <summary>The distribution whose rating this is, from the ecosystem (<c>Debian</c> for <c>Debian:12</c>).</summary>
    private static string DistributionName(OsvAffected affected) =>
        affected.Package.EcosystemBase is { Length: > 0 } name ? name : "distribution";
}
