namespace Strata.Vulnerabilities.Severity;

/// <summary>
/// A finding's severity, its CVSS base score where one was computed, the vector it came from, and which source
/// decided it (<c>CVSS_V4</c>, <c>CVSS_V3</c>, <c>GHSA</c>, the distribution, or <c>none</c>).
/// </summary>
public sealed record SeverityRating(SeverityLevel Level, double? Score, string? Vector, string Source)
{
    public static readonly SeverityRating Unknown = new(SeverityLevel.Unknown, null, null, "none");
}
