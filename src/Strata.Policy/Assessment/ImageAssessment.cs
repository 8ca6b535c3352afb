using Strata.Analysis.Advising;
using Strata.Analysis.Base;
using Strata.Analysis.Model;
using Strata.Images.Model;
using Strata.Sbom.Model;
using Strata.Vulnerabilities.Scanning;

namespace Strata.Policy.Assessment;

/// <summary>
/// Everything Strata knows about one image from one read of its layers: dive's numbers and dead bytes, the packages,
/// the advice (with the secret scan), and the vulnerability findings when a database was given.
/// Policies, compare, scan-registry and report all read this.
/// </summary>
public sealed record ImageAssessment(
    ImageAnalysis Analysis,
    SbomDocument Sbom,
    ImageConfigDetails Config,
    BaseImage Base,
    ImageAdvice Advice,
    ScanReport? Vulnerabilities)
{
    /// <summary>The warnings of every part, in the order they were met.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The image's /etc/passwd (the copy its final file system shows): user name to uid; empty when it has none.</summary>
    public IReadOnlyDictionary<string, long> Users { get; init; } = new Dictionary<string, long>();
}
