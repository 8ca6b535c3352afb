using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Tests.Versions;

public sealed class MavenVersionComparerTests
{
    private readonly MavenVersionComparer comparer = new();

    [Fact]
    public void Orders_qualifiers_as_Maven_does()
    {
        // maven-artifact 3.8.6, ComparableVersionTest.VERSIONS_QUALIFIER.
        LanguageOrderAssert.Ascending(comparer,
            "1-alpha2snapshot", "1-alpha2", "1-alpha-123", "1-beta-2", "1-beta123", "1-m2", "1-m11", "1-rc", "1-cr2",
            "1-rc123", "1-SNAPSHOT", "1", "1-sp", "1-sp2", "1-sp123", "1-abc", "1-def", "1-pom-1", "1-1-snapshot",
            "1-1", "1-2", "1-123");
    }

    [Fact]
    public void Orders_numbers_and_separators_as_Maven_does()
    {
        // maven-artifact 3.8.6, ComparableVersionTest.VERSIONS_NUMBER.
        LanguageOrderAssert.Ascending(comparer,
            "2.0", "2-1", "2.0.a", "2.0.0.a", "2.0.2", "2.0.123", "2.1.0", "2.1-a", "2.1b", "2.1-c", "2.1-1", "2.1.0.1",
            "2.2", "2.123", "11.a2", "11.a11", "11.b2", "11.b11", "11.m2", "11.m11", "11", "11.a", "11b", "11c", "11m");
    }

    [Theory]
    [InlineData("1", "1.0.0")]
    [InlineData("1-ga", "1")]
    [InlineData("1.FINAL", "1")]
    [InlineData("1-release", "1")]
    [InlineData("1CR1", "1-rc-1")]
    [InlineData("1a1", "1-ALPHA-1")]
    [InlineData("1.0.0-SNAPSHOT", "1-snapshot")]
    [InlineData("01.002", "1.2")]
    [InlineData("1-0.0-0", "1")]
    public void Treats_spellings_Maven_trims_and_aliases_as_one_version(string a, string b)
    {
        LanguageOrderAssert.Same(comparer, a, b);
    }

    [Fact]
    public void Orders_numbers_of_any_width()
    {
        // MNG-6572: nine, eighteen and more digits.
        LanguageOrderAssert.Ascending(comparer,
            "999999999", "1000000000", "999999999999999999", "1000000000000000000", "100000000000000000000000000000");
    }

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("1.0-whatever_it+is", true)]
    [InlineData("", false)]
    [InlineData("1.0 beta", false)]
    public void Counts_every_non_blank_word_as_a_version(string version, bool valid)
    {
        Assert.Equal(valid, comparer.IsValid(version));
    }

    [Fact]
    public void Is_the_comparer_for_Maven()
    {
        Assert.IsType<MavenVersionComparer>(VersionComparers.For("Maven"));
    }
}
