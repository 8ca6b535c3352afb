using Strata.Analysis;
using Strata.Images.Sources;
using Strata.Policy.Assessment;
using Strata.Policy.Grading;
using Strata.Policy.Policies;
using Strata.TestKit;

namespace Strata.Policy.Tests.Policies;

/// <summary>
/// The default policies on the shared images. build-images.sh builds wasteful as root (no USER) with a throwaway
/// ssh key copied to /root/.ssh/id_rsa and API_TOKEN set in ENV; multistage is a static binary FROM scratch,
/// run as USER 65532:65532, well under a megabyte.
/// </summary>
public sealed class FixturePolicyTests
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    private static PolicyReport Evaluate(string tag)
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var image = ImageOpener.OpenAsync(ImageReference.Parse($"oci:{Fixtures.OciLayout}:{tag}"), new ImageSelector(), NoEngines, cancellation)
            .GetAwaiter().GetResult();
        var assessment = ImageAssessor.Assess(image, new AnalysisOptions(), new AssessmentOptions(), cancellationToken: cancellation);
        return PolicyEvaluator.Evaluate(assessment, PolicySet.Default);
    }

    private static PolicyResult Result(PolicyReport report, string name) => Assert.Single(report.Policies, p => p.Name == name);

    [Fact(Timeout = 120_000)]
    public void Wasteful_fails_on_its_root_user_and_its_planted_secrets_and_grades_low()
    {
        var report = Evaluate("wasteful");

        Assert.Equal(PolicyStatus.Fail, Result(report, "non-root-user").Status);
        var secrets = Result(report, "no-secrets");
        Assert.Equal(PolicyStatus.Fail, secrets.Status);
        Assert.Contains(secrets.Evidence, e => e.Contains("/root/.ssh/id_rsa", StringComparison.Ordinal));
        Assert.Contains(secrets.Evidence, e => e.Contains("API_TOKEN", StringComparison.Ordinal));
        // A leaked secret caps the grade at D whatever else passes.
        Assert.True(string.CompareOrdinal(report.Grade, "D") >= 0, $"grade {report.Grade}");
        Assert.True(report.Failed);
        // No database was given: the vulnerability policies are skipped, not passed.
        Assert.Equal(PolicyStatus.Skip, Result(report, "no-known-vulnerabilities").Status);
    }

    [Fact(Timeout = 120_000)]
    public void Multistage_passes_the_size_and_user_policies()
    {
        var report = Evaluate("multistage");

        Assert.Equal(PolicyStatus.Pass, Result(report, "non-root-user").Status);
        Assert.Equal(PolicyStatus.Pass, Result(report, "max-image-size").Status);
        Assert.Equal(PolicyStatus.Pass, Result(report, "no-secrets").Status);
        Assert.Equal(PolicyStatus.Pass, Result(report, "max-dead-bytes").Status);
        // FROM scratch names no base, which approved-base-images cannot approve: 100 - 10, still an A.
        Assert.Equal(PolicyStatus.Fail, Result(report, "approved-base-images").Status);
        Assert.Equal(new HealthGrade(90, "A"), new HealthGrade(report.Score, report.Grade));
    }
}
