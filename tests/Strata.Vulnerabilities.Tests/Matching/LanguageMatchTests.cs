using Strata.Vulnerabilities.Matching;
using static Strata.Vulnerabilities.Tests.Matching.OsvJson;
using static Strata.Vulnerabilities.Tests.Matching.TestPackages;

namespace Strata.Vulnerabilities.Tests.Matching;

/// <summary>
/// Language packages in their OSV ecosystem, under the name OSV gives them: PyPI names normalised as PEP 503 says
/// (PyYAML, pyyaml and py_yaml are one project), NuGet and Packagist names without regard to case, Maven as
/// <c>group:artifact</c>, crates.io and RubyGems as written.
/// </summary>
public sealed class LanguageMatchTests
{
    [Theory]
    [InlineData("python", "PyYAML", "PyPI", "pyyaml", "5.3")]
    [InlineData("python", "zope.interface", "PyPI", "zope-interface", "5.0")]
    [InlineData("dotnet", "newtonsoft.json", "NuGet", "Newtonsoft.Json", "12.0.1")]
    [InlineData("php", "Symfony/HTTP-Kernel", "Packagist", "symfony/http-kernel", "5.4.0")]
    [InlineData("java", "org.apache.logging.log4j:log4j-core", "Maven", "org.apache.logging.log4j:log4j-core", "2.14.1")]
    [InlineData("rust", "smallvec", "crates.io", "smallvec", "1.6.0")]
    [InlineData("ruby", "rack", "RubyGems", "rack", "2.0.0")]
    [InlineData("go", "golang.org/x/net", "Go", "golang.org/x/net", "v0.7.0")]
    public void A_language_package_is_matched_under_its_OSV_ecosystem_and_name(string cataloger, string name, string ecosystem, string osvName, string version)
    {
        var record = Record("OSV-TEST-1", ecosystem, osvName, Range("ECOSYSTEM", "introduced:0", "fixed:99.0"));

        var result = VulnerabilityMatcher.MatchAll([Of(cataloger, name, version)], null, Records.Source(record));

        Assert.Empty(result.Warnings);
        Assert.Equal(ecosystem, Assert.Single(result.Findings).Ecosystem);
    }

    [Fact]
    public void A_record_of_one_language_ecosystem_does_not_match_a_package_of_another_with_the_same_name()
    {
        var npm = Record("GHSA-TEST-1", "npm", "yaml", Range("SEMVER", "introduced:0"));

        Assert.Empty(VulnerabilityMatcher.Match([Of("python", "yaml", "1.0")], null, Records.Source(npm)));
    }

    [Fact]
    public void A_jar_without_a_Maven_group_is_named_in_a_warning_not_matched_by_its_artifact_alone()
    {
        var record = Record("GHSA-TEST-2", "Maven", "commons-lang3", Range("ECOSYSTEM", "introduced:0"));

        var result = VulnerabilityMatcher.MatchAll([Of("java", "commons-lang3", "3.12.0")], null, Records.Source(record));

        Assert.Empty(result.Findings);
        Assert.Contains("Java archives without a Maven group: 1 (commons-lang3 3.12.0)", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Maven_record_for_another_repository_names_the_same_coordinates()
    {
        var record = Record("GHSA-TEST-3", "Maven:https://maven.google.com", "androidx.core:core", Range("ECOSYSTEM", "introduced:0", "fixed:1.5.0"));

        Assert.Single(VulnerabilityMatcher.Match([Of("java", "androidx.core:core", "1.3.0")], null, Records.Source(record)));
    }
}
