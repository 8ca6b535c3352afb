using Strata.Vulnerabilities.Scanning;
using Strata.Vulnerabilities.Matching;

namespace Strata.Policy.Assessment;

/// <summary>What an assessment reads beyond the image: the vulnerability database, the Dockerfile, and a fixed base.</summary>
public sealed record AssessmentOptions
{
    /// <summary>The OSV database; without it the assessment has no vulnerability findings (<see cref="ImageAssessment.Vulnerabilities"/> is null).</summary>
    public IAdvisorySource? Advisories { get; init; }

    public ScanOptions Scan { get; init; } = new();

    /// <summary>The Dockerfile's text, so advice names the line to change.</summary>
    public string? DockerfileText { get; init; }

    /// <summary>--base-layers N: the first N layers are the base, whatever the labels and history say.</summary>
    public int? BaseLayers { get; init; }
}
