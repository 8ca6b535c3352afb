namespace Strata.Vulnerabilities.Severity;

/// <summary>
/// Severity words used by advisory databases and distributions, mapped to Strata's levels. Case and surrounding white
/// space are ignored; a word not listed here (or one meaning "not rated yet") maps to null, so the next source decides.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>GitHub (GHSA <c>database_specific.severity</c>): LOW, MODERATE, HIGH, CRITICAL; MODERATE is Medium.</item>
/// <item>Debian (security tracker urgency): unimportant and low are Low (unimportant is below low, and Low is Strata's
/// least level), medium is Medium, high is High; a trailing <c>*</c> or <c>**</c> mark is dropped; "not yet assigned"
/// and "end-of-life" are no rating.</item>
/// <item>Ubuntu (priority): negligible and low are Low, medium Medium, high High, critical Critical; untriaged is no rating.</item>
/// <item>Red Hat and SUSE (impact): Low, Moderate (Medium), Important (High), Critical.</item>
/// <item>Words several use: medium, none and unknown (the last two are no rating).</item>
/// </list>
/// </remarks>
public static class NamedRatings
{
    private static readonly Dictionary<string, SeverityLevel> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["negligible"] = SeverityLevel.Low,
        ["unimportant"] = SeverityLevel.Low,
        ["low"] = SeverityLevel.Low,
        ["medium"] = SeverityLevel.Medium,
        ["moderate"] = SeverityLevel.Medium,
        ["high"] = SeverityLevel.High,
        ["important"] = SeverityLevel.High,
        ["critical"] = SeverityLevel.Critical,
    };

    /// <summary>The level a rating word names, or null when it names none.</summary>
    public static SeverityLevel? Level(string? rating)
    {
        if (rating is null)
        {
            return null;
        }
        var word = rating.Trim().TrimEnd('*').Trim();
        return Levels.TryGetValue(word, out var level) ? level : null;
    }
}
