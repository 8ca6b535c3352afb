using Strata.Analysis.Gate;
using Strata.Images;

namespace Strata.Analysis.Tests.Gate;

public sealed class DiveCiConfigDepthTests
{
    [Fact]
    public void A_file_of_deeply_nested_brackets_is_an_error_naming_the_file_not_a_stack_overflow()
    {
        // Without the depth check, YamlDotNet builds this tree by recursion and the process dies of a stack overflow.
        var yaml = "rules: " + new string('[', 200_000);

        var error = Assert.Throws<StrataException>(() => DiveCiConfig.Parse(yaml, ".dive-ci"));

        Assert.StartsWith(".dive-ci:1: nested more than 32 levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_nesting_is_still_read()
    {
        var thresholds = DiveCiConfig.Parse("rules:\n  lowestEfficiency: 0.75\n", ".dive-ci");

        Assert.Equal(0.75, thresholds.LowestEfficiency);
    }
}
