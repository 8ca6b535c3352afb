using Strata.Policy.Assessment;

namespace Strata.Policy.Comparison;

/// <summary>Which image a comparison side is: its name as given and its digests.</summary>
public sealed record ComparedImage(string Name, string? ManifestDigest, string ConfigDigest, string Platform)
{
    public static ComparedImage Of(ImageAssessment assessment) => new(
        assessment.Analysis.Name,
        assessment.Analysis.ManifestDigest?.ToString(),
        assessment.Analysis.ConfigDigest.ToString(),
        assessment.Analysis.Platform.ToString());
}

/// <summary>
/// What changed from the first image (before) to the second (after): sizes, layers, files, packages,
/// vulnerabilities (null when no database was given) and policy results.
/// </summary>
public sealed record ImageComparison(
    ComparedImage Before,
    ComparedImage After,
    SizeComparison Sizes,
    LayerComparison Layers,
    FileComparison Files,
    PackageComparison Packages,
    VulnerabilityComparison? Vulnerabilities,
    PolicyComparison Policies)
{
    /// <summary>The kinds (<see cref="ComparisonKinds"/>) that got worse from before to after, in the kinds' order.</summary>
    public IReadOnlyList<string> Worse => ComparisonKinds.All.Where(k => ComparisonKinds.GotWorse(this, k)).ToList();
}
