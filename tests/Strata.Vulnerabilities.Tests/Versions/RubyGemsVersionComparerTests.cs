using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Tests.Versions;

public sealed class RubyGemsVersionComparerTests
{
    private readonly RubyGemsVersionComparer comparer = new();

    [Fact]
    public void Puts_pre_releases_before_their_release()
    {
        // RubyGems' own test_spaceship cases: a letter makes a pre-release, which sorts below the release.
        LanguageOrderAssert.Ascending(comparer, "0.0.0", "1.8.2.a", "1.8.2.a9", "1.8.2.a10", "1.8.2.b", "1.8.2");
        LanguageOrderAssert.Ascending(comparer, "0.0.beta", "0.0.beta.1");
        LanguageOrderAssert.Ascending(comparer, "5.a", "5.0.0.rc2", "5.x");
        LanguageOrderAssert.Ascending(comparer, "1.0.a", "1.0");
    }

    [Theory]
    [InlineData("1.0", "1.0.0")]
    [InlineData("", "0")]
    [InlineData("0.beta.1", "0.0.beta.1")]
    [InlineData("1.0.0-rc1", "1.0.0.pre.rc1")]
    [InlineData("1.0.a.0", "1.a")]
    [InlineData(" 2.1 ", "2.1")]
    [InlineData("1.0rc1", "1.0.rc.1")]
    public void Treats_canonically_equal_versions_as_one(string a, string b)
    {
        LanguageOrderAssert.Same(comparer, a, b);
    }

    [Fact]
    public void Reads_a_hyphen_as_pre_and_so_below_the_same_words_after_a_dot()
    {
        // Gem::Version turns "-" into ".pre.", and "pre" sorts before "rc".
        LanguageOrderAssert.Ascending(comparer, "1.0.0-rc1", "1.0.0.rc1", "1.0.0");
    }

    [Theory]
    [InlineData("1.0.0", true)]
    [InlineData("1.0.0-rc1", true)]
    [InlineData("3.2.0.beta2", true)]
    [InlineData(" 1.0 ", true)]
    [InlineData("", true)]
    [InlineData("1.0_1", false)]
    [InlineData(".1", false)]
    [InlineData("1..0", false)]
    [InlineData("junk!", false)]
    public void Knows_which_strings_Gem_Version_accepts(string version, bool valid)
    {
        Assert.Equal(valid, comparer.IsValid(version));
    }

    [Fact]
    public void Is_the_comparer_for_RubyGems()
    {
        Assert.IsType<RubyGemsVersionComparer>(VersionComparers.For("RubyGems"));
    }
}
