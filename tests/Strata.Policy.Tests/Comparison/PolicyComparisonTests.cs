using Strata.Policy.Comparison;
using Strata.Policy.Policies;

namespace Strata.Policy.Tests.Comparison;

public sealed class PolicyComparisonTests
{
    private static PolicyResult Result(string name, PolicyStatus status) => new(name, status, $"{name} is {status}", []);

    [Fact]
    public void Changed_verdicts_are_listed_and_a_newly_failing_policy_or_a_lower_grade_is_worse()
    {
        var before = new PolicyReport([Result("non-root-user", PolicyStatus.Pass), Result("no-secrets", PolicyStatus.Fail), Result("max-image-size", PolicyStatus.Pass), Result("gone", PolicyStatus.Skip)], "B");
        var after = new PolicyReport([Result("non-root-user", PolicyStatus.Fail), Result("no-secrets", PolicyStatus.Pass), Result("max-image-size", PolicyStatus.Pass)], "B");

        var comparison = PolicyComparison.Of(before, after);

        Assert.Equal(
            [("non-root-user", PolicyStatus.Pass, PolicyStatus.Fail), ("no-secrets", PolicyStatus.Fail, PolicyStatus.Pass), ("gone", PolicyStatus.Skip, (PolicyStatus?)null)],
            comparison.Changed.Select(c => (c.Name, c.Before, c.After)).Select(t => (t.Name, t.Before!.Value, t.After)));
        Assert.Equal(["non-root-user"], comparison.NewlyFailing.Select(c => c.Name));
        Assert.False(comparison.GradeDropped);
    }

    [Theory]
    [InlineData("A", "B", true)]
    [InlineData("C", "F", true)]
    [InlineData("B", "B", false)]
    [InlineData("D", "A", false)]
    public void The_grade_dropped_when_the_letter_is_later(string before, string after, bool dropped)
    {
        var comparison = PolicyComparison.Of(new PolicyReport([], before), new PolicyReport([], after));

        Assert.Equal(dropped, comparison.GradeDropped);
        Assert.Empty(comparison.Changed);
    }
}
