using Strata.Analysis;
using Strata.Images.Sources;
using Strata.Policy.Assessment;
using Strata.TestKit;

namespace Strata.Policy.Tests;

public sealed class ImageAssessorTests
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    [Fact]
    public async Task OneReadOfWastefulHoldsItsPackagesItsPlantedKeyAndNoScanWithoutADatabase()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var image = await ImageOpener.OpenAsync(ImageReference.Parse($"oci:{Fixtures.OciLayout}:wasteful"), new ImageSelector(), NoEngines, cancellation);

        var assessment = ImageAssessor.Assess(image, new AnalysisOptions(), new AssessmentOptions(), cancellationToken: cancellation);

        // build-images.sh copies a throwaway ssh key to the image and installs Debian packages on a Debian base.
        Assert.Contains(assessment.Advice.Findings, f => f.Paths.Any(p => p.EndsWith("id_rsa", StringComparison.Ordinal)));
        Assert.Contains(assessment.Sbom.Packages, p => p.Ecosystem == "dpkg" && p.Name == "base-files");
        Assert.Equal("debian", assessment.Sbom.Os?.Id);
        Assert.Null(assessment.Vulnerabilities);
    }
}
