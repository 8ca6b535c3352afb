using System.Globalization;
using Strata.Vulnerabilities.Severity;

namespace Strata.Vulnerabilities.Reports;

/// <summary>
/// What GitHub reads as a finding's severity: <c>security-severity</c>, a score from 0.0 to 10.0 written as a string
/// (GitHub calls over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low), and the SARIF <c>level</c>.
/// </summary>
internal static class SarifSeverity
{
    /// <summary>The CVSS base score; without one, a score inside the level's band (unknown is 0.0, which GitHub shows as no severity).</summary>
    public static string Score(SeverityRating rating)
    {
        var score = rating.Score is { } s && s is >= 0 and <= 10 ? s : rating.Level switch
        {
            SeverityLevel.Critical => 9.5,
            SeverityLevel.High => 8.0,
            SeverityLevel.Medium => 5.5,
            SeverityLevel.Low => 2.0,
            _ => 0.0,
        };
        return score.ToString("0.0", CultureInfo.InvariantCulture);
    }

    public static string Level(SeverityLevel level) => level switch
    {
        SeverityLevel.Critical or SeverityLevel.High => "error",
        SeverityLevel.Medium => "warning",
        _ => "note",
    };
}
