using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;
using Strata.Vulnerabilities.Matching;
using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Tests.Matching;

/// <summary>
/// The real advisories in ../shared/fixtures/advisories against the shared wasteful image. The expected findings are
/// read off the advisory files by hand: lodash 4.17.15 is before the fixes 4.17.20 and 4.17.21 but after 4.17.12;
/// minimist 1.2.0 lies in [1.0.0, 1.2.3) and [1.0.0, 1.2.6); Newtonsoft.Json 12.0.1 is before 13.0.1; Go 1.19.8 is
/// before 1.19.9, 1.19.10 and 1.19.11. DSA-3029-1 is Debian 7's nginx, which this Debian 12 image does not have.
/// </summary>
public sealed class WastefulMatchTests(SharedImages images) : IClassFixture<SharedImages>
{
    [Fact]
    public void Wasteful_shows_the_lodash_minimist_NewtonsoftJson_and_Go_standard_library_advisories()
    {
        var sbom = images.Wasteful;

        var result = VulnerabilityMatcher.MatchAll(sbom.Packages, sbom.Os, new InMemoryAdvisories(Records.Shared()));

        var found = result.Findings.Select(f => $"{f.Package.Name}@{f.Package.Version} {f.Id}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            "Newtonsoft.Json@12.0.1 GHSA-5crp-9r3c-p9vr",
            "lodash@4.17.15 CVE-2020-28500",
            "lodash@4.17.15 CVE-2020-8203",
            "lodash@4.17.15 CVE-2021-23337",
            "minimist@1.2.0 CVE-2020-7598",
            "minimist@1.2.0 CVE-2021-44906",
            "stdlib@v1.19.8 CVE-2023-29400",
            "stdlib@v1.19.8 CVE-2023-29403",
            "stdlib@v1.19.8 CVE-2023-29406",
        ], found);
        // Every package of the image was checked: each ecosystem in it has a comparer and an OSV name.
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Each_finding_carries_its_record_ID_as_an_alias_and_the_fixes_above_the_installed_version()
    {
        var sbom = images.Wasteful;

        var findings = VulnerabilityMatcher.Match(sbom.Packages, sbom.Os, new InMemoryAdvisories(Records.Shared()));

        var lodash = findings.Single(f => f.Id == "CVE-2020-8203");
        Assert.Equal(["GHSA-p6mc-m468-83gw"], lodash.Aliases);
        Assert.Equal(["4.17.20"], lodash.FixedVersions);
        Assert.Equal("npm", lodash.Ecosystem);
        // minimist's record has a second entry, [0, 0.2.1), that does not hold 1.2.0: its fix is not this package's.
        Assert.Equal(["1.2.3"], findings.Single(f => f.Id == "CVE-2020-7598").FixedVersions);
        var stdlib = findings.Single(f => f.Id == "CVE-2023-29403");
        Assert.Equal(["GO-2023-1840"], stdlib.Aliases);
        Assert.Equal(["1.19.10", "1.20.5"], stdlib.FixedVersions);
        Assert.Equal(("Go", "/usr/local/bin/goapp"), (stdlib.Ecosystem, stdlib.Package.Locations[0].Path));
        var newtonsoft = findings.Single(f => f.Package.Name == "Newtonsoft.Json");
        Assert.Equal(["13.0.1"], newtonsoft.FixedVersions);
        Assert.Equal("NuGet", newtonsoft.Ecosystem);
        Assert.Empty(newtonsoft.Aliases);
    }

    /// <summary>
    /// Debian's python3-requests installs requests 2.28.1, which both PyPI advisories cover (2.28.1 is in [2.3.0, 2.31.0)
    /// and before 2.32.2); Debian tracks and patches it, so it must not be reported as a PyPI package.
    /// </summary>
    [Fact]
    public void Debians_requests_is_not_matched_as_a_PyPI_package()
    {
        var sbom = images.Wasteful;
        var advisories = new InMemoryAdvisories(Records.Shared());
        // Without the dpkg cataloger nothing owns requests' egg-info, so the python cataloger's package is kept.
        var requests = SharedImages.Build("wasteful", [new PythonCataloger()]).Packages.Single(p => p.Name == "requests");
        Assert.Equal(("2.28.1", "/usr/lib/python3/dist-packages/requests-2.28.1.egg-info/PKG-INFO"), (requests.Version, requests.Locations[0].Path));

        var whole = VulnerabilityMatcher.MatchAll(sbom.Packages, sbom.Os, advisories);
        var withRequests = VulnerabilityMatcher.MatchAll([.. sbom.Packages, requests], sbom.Os, advisories);

        // SbomBuilder dropped it; had it not, it would be matched, or (without a PyPI comparer) named in a warning.
        Assert.DoesNotContain(sbom.Packages, p => p.Ecosystem == "python");
        Assert.DoesNotContain(whole.Warnings, w => w.Contains("PyPI", StringComparison.Ordinal));
        // The matcher keeps the rule itself for package lists that still hold it (an SBOM read from a file).
        Assert.DoesNotContain(withRequests.Findings, f => f.Package.Name == "requests");
        Assert.DoesNotContain(withRequests.Warnings, w => w.Contains("PyPI", StringComparison.Ordinal));
        Assert.Contains(sbom.Packages, p => p.Name == "python3-requests" && p.Files.Contains(requests.Locations[0].Path));
    }

    [Fact]
    public void Requests_alone_would_be_reported_so_the_ownership_rule_is_what_hides_it()
    {
        var requests = SharedImages.Build("wasteful", [new PythonCataloger()]).Packages.Single(p => p.Name == "requests");
        var advisories = new InMemoryAdvisories(Records.Shared());

        var result = VulnerabilityMatcher.MatchAll([requests], null, advisories);

        Assert.Empty(result.Warnings);
        // GHSA-j8r2-6x86-q33q and PYSEC-2023-74 are one vulnerability (both alias CVE-2023-32681).
        Assert.Equal(["CVE-2023-32681", "CVE-2024-35195"], result.Findings.Select(f => f.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["GHSA-j8r2-6x86-q33q", "PYSEC-2023-74"], result.Findings.Single(f => f.Id == "CVE-2023-32681").Aliases);
    }

    [Fact]
    public void No_finding_is_for_a_version_at_or_after_one_of_its_fixes()
    {
        var sbom = images.Wasteful;

        var findings = VulnerabilityMatcher.Match(sbom.Packages, sbom.Os, new InMemoryAdvisories(Records.Shared()));

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.All(f.FixedVersions, fix =>
            Assert.True(VersionComparers.For(f.Ecosystem)!.Compare(f.Package.Version.TrimStart('v'), fix) < 0, $"{f.Id}: {f.Package.Version} ≥ {fix}")));
    }
}
