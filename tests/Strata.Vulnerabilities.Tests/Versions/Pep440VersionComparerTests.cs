using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Tests.Versions;

public sealed class Pep440VersionComparerTests
{
    private readonly Pep440VersionComparer comparer = new();

    [Fact]
    public void Orders_the_suffixes_as_the_PEP_440_example_does()
    {
        // PEP 440, "Summary of permitted suffixes and relative ordering", plus its local-version and epoch rules.
        LanguageOrderAssert.Ascending(comparer,
            "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
            "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7",
            "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1", "2013.10", "1!0.1");
    }

    [Theory]
    [InlineData("1.0ALPHA1", "1.0a1")]
    [InlineData("1.1.0-c1", "1.1rc1")]
    [InlineData("1.0pre2", "1.0rc2")]
    [InlineData("1.0preview2", "1.0rc2")]
    [InlineData("1.0.post", "1.0.post0")]
    [InlineData("1.0-r4", "1.0.post4")]
    [InlineData("1.0-4", "1.0.post4")]
    [InlineData("1.0rev4", "1.0.post4")]
    [InlineData("1.0.dev", "1.0.dev0")]
    [InlineData("1.0_a_1", "1.0a1")]
    [InlineData("v1.0", "1.0")]
    [InlineData("  1.0\n", "1.0")]
    [InlineData("0!1.0", "1.0")]
    [InlineData("1.0.0.0", "1")]
    [InlineData("1.01", "1.1")]
    [InlineData("1.0+Ubuntu-1", "1.0+ubuntu.1")]
    [InlineData("1.0+abc_007", "1.0+ABC.7")]
    public void Treats_PEP_440_normal_form_and_its_variants_as_one_version(string variant, string normal)
    {
        LanguageOrderAssert.Same(comparer, variant, normal);
    }

    [Fact]
    public void Compares_numbers_beyond_64_bits_exactly()
    {
        LanguageOrderAssert.Ascending(comparer, "18446744073709551616", "18446744073709551617", "99999999999999999999999.0");
    }

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("V2!1.0.post1.dev3+local.7", true)]
    [InlineData("1.0-bulbasaur", false)]
    [InlineData("1.0+", false)]
    [InlineData("1.0+local..7", false)]
    [InlineData("1.0a1a2", false)]
    [InlineData("", false)]
    [InlineData("not a version", false)]
    public void Knows_which_strings_PEP_440_accepts(string version, bool valid)
    {
        Assert.Equal(valid, comparer.IsValid(version));
    }

    [Fact]
    public void Puts_a_string_PEP_440_refuses_before_every_version_and_orders_such_strings_as_setuptools_did()
    {
        Assert.True(comparer.Compare("1000.0-final", "0.0.1.dev0") < 0);
        Assert.True(comparer.Compare("0.0.1.dev0", "1000.0-final") > 0);
        // Legacy order: dev before the pre-release words, words before a plain hyphen, numbers by value.
        LanguageOrderAssert.Ascending(comparer, "2.0-dev-x", "2.0-pre-x", "2.0-x", "10.0-x");
        Assert.Equal(0, comparer.Compare("a b", "a b"));
    }

    [Fact]
    public void Is_the_comparer_for_PyPI()
    {
        Assert.IsType<Pep440VersionComparer>(VersionComparers.For("PyPI"));
        Assert.IsType<Pep440VersionComparer>(VersionComparers.For("pypi"));
    }
}
