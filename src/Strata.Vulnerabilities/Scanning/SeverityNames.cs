using Strata.Vulnerabilities.Severity;

namespace Strata.Vulnerabilities.Scanning;

/// <summary>The words a scan's options and reports use for each severity: critical, high, medium, low, unknown.</summary>
public static class SeverityNames
{
    /// <summary>Highest first, as reports list them.</summary>
    public static readonly IReadOnlyList<string> All = ["critical", "high", "medium", "low", "unknown"];

    public static string Of(SeverityLevel level) => level switch
    {
        SeverityLevel.Critical => "critical",
        SeverityLevel.High => "high",
        SeverityLevel.Medium => "medium",
        SeverityLevel.Low => "low",
        _ => "unknown",
    };

    public static SeverityLevel? Parse(string word) => word.ToLowerInvariant() switch
    {
        "critical" => SeverityLevel.Critical,
        "high" => SeverityLevel.High,
        "medium" => SeverityLevel.Medium,
        "low" => SeverityLevel.Low,
        "unknown" => SeverityLevel.Unknown,
        _ => null,
    };
}
