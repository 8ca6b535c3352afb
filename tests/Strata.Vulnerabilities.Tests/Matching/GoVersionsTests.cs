using Strata.Vulnerabilities.Matching;
using static Strata.Vulnerabilities.Tests.Matching.OsvJson;
using static Strata.Vulnerabilities.Tests.Matching.TestPackages;

namespace Strata.Vulnerabilities.Tests.Matching;

/// <summary>Go module and toolchain versions in OSV's form (golang.org/x/vulndb writes stdlib versions as semver without the v).</summary>
public sealed class GoVersionsTests
{
    [Theory]
    [InlineData("stdlib", "v1.19.8", "1.19.8")]
    [InlineData("stdlib", "v1.20", "1.20.0")]
    [InlineData("stdlib", "v1.21rc2", "1.21.0-rc.2")]
    [InlineData("stdlib", "v1.19beta1", "1.19.0-beta.1")]
    [InlineData("golang.org/x/net", "v0.0.0-20220722155237-a158d28d115b", "0.0.0-20220722155237-a158d28d115b")]
    [InlineData("github.com/docker/docker", "v20.10.7+incompatible", "20.10.7+incompatible")]
    public void Versions_are_written_as_OSV_writes_them(string module, string version, string expected) =>
        Assert.Equal(expected, GoVersions.ForOsv(module, version));

    [Fact]
    public void A_toolchain_without_a_patch_number_is_matched_as_its_first_release()
    {
        // go1.20 is 1.20.0: inside [1.20.0-0, 1.20.4), the second range of GO-2023-1753.
        var record = Record("GO-TEST-1", "Go", "stdlib", Range("SEMVER", "introduced:0", "fixed:1.19.9", "introduced:1.20.0-0", "fixed:1.20.4"));

        var finding = Assert.Single(VulnerabilityMatcher.Match([Of("go", "stdlib", "v1.20")], null, Records.Source(record)));

        Assert.Equal(["1.20.4"], finding.FixedVersions);
    }
}
