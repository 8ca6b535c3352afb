using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Tests.Versions;

public sealed class ComposerVersionComparerTests
{
    private readonly ComposerVersionComparer comparer = new();

    [Fact]
    public void Orders_stabilities_as_version_compare_does()
    {
        // PHP manual, version_compare: dev < alpha = a < beta = b < RC = rc < # (a number) < pl = p.
        LanguageOrderAssert.Ascending(comparer, "1.0.0-dev", "1.0.0-alpha1", "1.0.0-beta1", "1.0.0-RC1", "1.0.0", "1.0.0-pl1");
        LanguageOrderAssert.Ascending(comparer, "1.0.0-a2", "1.0.0-b1", "1.0.0-rc1", "1.0.0-patch1");
        LanguageOrderAssert.Ascending(comparer, "5.2", "5.10", "5.10.1");
    }

    [Theory]
    [InlineData("v2.0.0", "2.0.0")]
    [InlineData("V2.0", "2.0")]
    [InlineData(" 1.2.3 ", "1.2.3")]
    [InlineData("1.0.0-alpha1", "1.0.0a1")]
    [InlineData("1.0.0_RC2", "1.0.0.RC.2")]
    [InlineData("1.0.0+beta2", "1.0.0-beta2")]
    public void Treats_separator_and_prefix_variants_as_one_version(string a, string b)
    {
        LanguageOrderAssert.Same(comparer, a, b);
    }

    [Fact]
    public void Keeps_version_compares_own_quirks()
    {
        // An extra number part counts (1.0 < 1.0.0), and words outside the table sort below dev.
        LanguageOrderAssert.Ascending(comparer, "1.0", "1.0.0");
        LanguageOrderAssert.Ascending(comparer, "1.0-stable", "1.0-dev");
    }

    [Theory]
    [InlineData("1.0.0", true)]
    [InlineData("v1.2.3-beta.2", true)]
    [InlineData("1.0.0-RC1", true)]
    [InlineData("2.x-dev", true)]
    [InlineData("dev-main", true)]
    [InlineData("1.0.0+build.5", true)]
    [InlineData("20190126", true)]
    [InlineData("1.2.3.4.5", false)]
    [InlineData("feature-dev", false)]
    [InlineData("not a version", false)]
    [InlineData("", false)]
    public void Knows_which_strings_Composer_accepts(string version, bool valid)
    {
        Assert.Equal(valid, comparer.IsValid(version));
    }

    [Fact]
    public void Is_the_comparer_for_Packagist()
    {
        Assert.IsType<ComposerVersionComparer>(VersionComparers.For("Packagist"));
    }
}
