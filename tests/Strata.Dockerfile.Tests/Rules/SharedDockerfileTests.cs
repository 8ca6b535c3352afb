using Strata.Dockerfile.Lint;
using Strata.Dockerfile.Syntax;
using Strata.TestKit;

namespace Strata.Dockerfile.Tests.Rules;

/// <summary>The shared fixture Dockerfiles, whose flaws (and absence of flaws) are known from how they were written.</summary>
public sealed class SharedDockerfileTests
{
    private static IReadOnlyList<LintFinding> LintShared(string name) =>
        DockerfileLinter.Lint(DockerfileDocument.Load(Path.Combine(Fixtures.Shared, "dockerfiles", name, "Dockerfile")));

    [Fact]
    public void Wasteful_has_the_flaws_it_was_built_with()
    {
        var findings = LintShared("wasteful").Select(f => (f.Advice.Id, f.Advice.Hadolint, f.Advice.Line)).ToList();

        Assert.Contains(("STR1011", null, 8), findings);        // RUN rm -rf /var/lib/apt/lists/* on its own
        Assert.Contains(("STR1001", "DL3009", 2), findings);    // RUN apt-get update keeps the lists
        Assert.Contains(("STR1002", "DL3015", 3), findings);    // apt-get install -y python3 … without --no-install-recommends
        Assert.Contains(("STR2003", "DL3002", 1), findings);    // no USER: root
        Assert.Contains(("STR2004", null, 14), findings);       // ENV API_TOKEN=…
        Assert.Contains(("STR2001", "DL3007", 1), findings);    // base:latest
        Assert.DoesNotContain(findings, f => f.Id == "STR2007"); // CMD is in JSON form
    }

    [Fact]
    public void The_secret_itself_is_never_repeated()
    {
        var secret = LintShared("wasteful").Single(f => f.Advice.Id == "STR2004").Advice;

        Assert.Contains("API_TOKEN", secret.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-token", secret.Message + secret.Fix + secret.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Multistage_gets_no_size_findings()
    {
        var findings = LintShared("multistage");

        Assert.DoesNotContain(findings, f => f.Advice.Id.StartsWith("STR1", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Advice.Id == "STR2003"); // USER 65532:65532
    }

    [Fact]
    public void Big_keeps_its_toolchains_and_caches_in_one_stage()
    {
        var findings = LintShared("big").Select(f => (f.Advice.Id, f.Advice.Line)).ToList();

        Assert.Contains(("STR1013", 6), findings);  // build-essential
        Assert.Contains(("STR1013", 8), findings);  // default-jdk-headless
        Assert.Contains(("STR1001", 4), findings);  // apt-get update alone
        Assert.Contains(("STR1011", 15), findings); // the cleanup in a later layer
        Assert.Contains(("STR2008", 13), findings); // cd /opt/app
        Assert.DoesNotContain(findings, f => f.Id == "STR1002"); // every install has --no-install-recommends
        Assert.DoesNotContain(findings, f => f.Id == "STR2003"); // USER app
    }
}
