namespace Strata.Vulnerabilities.Severity;

/// <summary>
/// CVSS's qualitative severity rating scale (v3.1 section 5; v4.0 keeps it): 0.1-3.9 Low, 4.0-6.9 Medium, 7.0-8.9 High,
/// 9.0-10.0 Critical. A score of 0.0 is "None" in CVSS; Strata has no such level and rates it Low, because the
/// vulnerability was assessed (Unknown would say it was not) and Low is the least a reported finding can be.
/// </summary>
public static class QualitativeScale
{
    public static SeverityLevel Level(double score) => score switch
    {
        >= 9.0 => SeverityLevel.Critical,
        >= 7.0 => SeverityLevel.High,
        >= 4.0 => SeverityLevel.Medium,
        _ => SeverityLevel.Low,
    };
}
