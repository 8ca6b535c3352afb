using Strata.Images;
using Strata.Policy.Comparison;

namespace Strata.Policy.Tests.Comparison;

public sealed class ComparisonKindsTests
{
    [Fact]
    public void A_list_of_kinds_is_read_in_order_once_each()
    {
        Assert.Equal(["policy", "size"], ComparisonKinds.Parse("policy, size,policy", "--exit-on"));
    }

    [Theory]
    [InlineData("sizes")]
    [InlineData("size,,policy")]
    [InlineData("Size")]
    public void An_unknown_kind_is_an_error_naming_the_option_and_the_kind(string text)
    {
        var error = Assert.Throws<StrataException>(() => ComparisonKinds.Parse(text, "--exit-on"));

        Assert.StartsWith("--exit-on: '", error.Message, StringComparison.Ordinal);
        Assert.Contains("size, package, vulnerability, policy", error.Message, StringComparison.Ordinal);
    }
}
