namespace Strata.Vulnerabilities.Severity;

/// <summary>A finding's severity, in ascending order so that comparisons read naturally.</summary>
public enum SeverityLevel
{
    Unknown = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
