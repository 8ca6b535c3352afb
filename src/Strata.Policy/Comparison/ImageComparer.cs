using Strata.Policy.Assessment;
using Strata.Policy.Policies;

namespace Strata.Policy.Comparison;

/// <summary>Compares two assessed images, each judged by the same policy set.</summary>
public static class ImageComparer
{
    public static ImageComparison Compare(ImageAssessment before, ImageAssessment after, PolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var vulnerabilities = before.Vulnerabilities is { } was && after.Vulnerabilities is { } now
            ? VulnerabilityComparison.Of(was, now)
            : null;
        return new ImageComparison(
            ComparedImage.Of(before),
            ComparedImage.Of(after),
            SizeComparison.Of(before.Analysis, after.Analysis),
            LayerComparison.Of(before.Analysis, after.Analysis),
            FileComparison.Of(before.Analysis, after.Analysis),
            PackageComparison.Of(before.Sbom.Packages, after.Sbom.Packages),
            vulnerabilities,
            PolicyComparison.Of(PolicyEvaluator.Evaluate(before, policies), PolicyEvaluator.Evaluate(after, policies)));
    }
}
