using System.Text.RegularExpressions;
using Strata.Policy.Grading;
using Strata.Policy.Policies;
using Strata.TestKit;

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

    [Fact]
    public void The_weights_caps_and_bands_are_the_readmes_tables()
    {
        var readme = File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("| Policy failed | Weight | Best grade after it |", StringComparison.Ordinal);
        Assert.True(start >= 0, "the README has no grade table");
        var rows = readme[start..].Split('\n').Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => Regex.Match(l, @"^\| `(?<name>[a-z-]+)` \| (?<weight>\d+) \| ?(?<cap>[A-F]?) ?\|$"))
            .ToList();
        Assert.All(rows, r => Assert.True(r.Success, r.Value));
        var documented = rows.ToDictionary(r => r.Groups["name"].Value, r => (int.Parse(r.Groups["weight"].Value, System.Globalization.CultureInfo.InvariantCulture), r.Groups["cap"].Value));
        Assert.Equal(
            documented.OrderBy(d => d.Key, StringComparer.Ordinal),
            HealthGrade.Weights.Select(w => KeyValuePair.Create(w.Key, (w.Value.Weight, w.Value.Cap?.ToString() ?? ""))).OrderBy(d => d.Key, StringComparer.Ordinal));
        Assert.Contains("| Score | 90–100 | 75–89 | 60–74 | 40–59 | 0–39 |\n|---|---|---|---|---|---|\n| Grade | A | B | C | D | F |", readme, StringComparison.Ordinal);
        Assert.Equal([('A', 90), ('B', 75), ('C', 60), ('D', 40)], HealthGrade.Bands);
        // Every built-in policy has a weight, so none fails for free.
        Assert.Equal(PolicyCatalog.Names.Order(StringComparer.Ordinal), HealthGrade.Weights.Keys.Order(StringComparer.Ordinal));
    }
}
