using Strata.Vulnerabilities.Severity;

namespace Strata.Vulnerabilities.Tests.Severity;

public sealed class QualitativeScaleTests
{
    [Theory]
    // The bounds of the rating scale in CVSS v3.1 section 5 (and v4.0): 0.1-3.9 Low, 4.0-6.9 Medium, 7.0-8.9 High, 9.0-10.0 Critical.
    [InlineData(0.1, SeverityLevel.Low)]
    [InlineData(3.9, SeverityLevel.Low)]
    [InlineData(4.0, SeverityLevel.Medium)]
    [InlineData(6.9, SeverityLevel.Medium)]
    [InlineData(7.0, SeverityLevel.High)]
    [InlineData(8.9, SeverityLevel.High)]
    [InlineData(9.0, SeverityLevel.Critical)]
    [InlineData(10.0, SeverityLevel.Critical)]
    // CVSS's "None"; Strata rates an assessed but harmless vulnerability Low.
    [InlineData(0.0, SeverityLevel.Low)]
    public void Maps_scores_to_the_CVSS_rating_scale(double score, SeverityLevel expected)
    {
        Assert.Equal(expected, QualitativeScale.Level(score));
    }
}
