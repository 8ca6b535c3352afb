using Strata.Policy.Grading;
using Strata.Policy.Policies;

namespace Strata.Policy.Tests.Grading;

/// <summary>The README's grade table: 100 less each failed policy's weight, banded A 90+, B 75+, C 60+, D 40+, else F; some failures cap the letter.</summary>
public sealed class HealthGradeTests
{
    private static PolicyResult Fail(string name) => PolicyResult.Fail(name, "failed");

    private static PolicyResult Pass(string name) => PolicyResult.Pass(name, "passed");

    [Fact]
    public void Nothing_failed_is_an_A_with_100()
    {
        Assert.Equal(new HealthGrade(100, "A"), HealthGrade.Of([Pass("no-secrets"), PolicyResult.Skip("no-known-vulnerabilities", "no database")]));
    }

    [Theory]
    [InlineData(new[] { "min-efficiency" }, 95, "A")] // 100 - 5
    [InlineData(new[] { "approved-base-images" }, 90, "A")] // 100 - 10
    [InlineData(new[] { "non-root-user" }, 85, "B")] // 100 - 15
    [InlineData(new[] { "non-root-user", "max-image-size" }, 75, "B")] // 100 - 15 - 10
    [InlineData(new[] { "non-root-user", "max-image-size", "max-dead-bytes" }, 70, "C")] // 100 - 30
    [InlineData(new[] { "no-fixable-vulnerabilities" }, 75, "C")] // 75 is a B, capped at C
    [InlineData(new[] { "no-secrets" }, 70, "D")] // 70 is a C, capped at D
    [InlineData(new[] { "no-high-profile-vulnerabilities" }, 60, "F")] // 60 is a C, capped at F
    [InlineData(new[] { "no-known-vulnerabilities", "non-root-user", "approved-base-images", "denied-licenses" }, 50, "D")] // 100 - 50
    [InlineData(new[] { "no-secrets", "no-fixable-vulnerabilities", "non-root-user", "no-known-vulnerabilities", "max-image-size", "min-efficiency" }, 0, "F")] // 100 - 100
    public void Failures_cost_their_weight_and_the_score_falls_into_a_band(string[] failed, int score, string letter)
    {
        Assert.Equal(new HealthGrade(score, letter), HealthGrade.Of(failed.Select(Fail)));
    }

    [Fact]
    public void The_score_never_goes_below_zero_and_the_order_of_results_does_not_matter()
    {
        var all = HealthGrade.Weights.Keys.Select(Fail).ToList();
        Assert.Equal(new HealthGrade(0, "F"), HealthGrade.Of(all));
        var some = new[] { Fail("no-secrets"), Pass("non-root-user"), Fail("min-efficiency") };
        Assert.Equal(HealthGrade.Of(some), HealthGrade.Of(some.Reverse()));
    }
}
