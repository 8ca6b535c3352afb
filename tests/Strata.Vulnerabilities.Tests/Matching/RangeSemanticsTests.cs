using Strata.Sbom.Model;
using Strata.Vulnerabilities.Matching;
using static Strata.Vulnerabilities.Tests.Matching.OsvJson;
using static Strata.Vulnerabilities.Tests.Matching.TestPackages;

namespace Strata.Vulnerabilities.Tests.Matching;

/// <summary>
/// OSV's evaluation rules (https://ossf.github.io/osv-schema/#evaluation) on hand-built records: each case names the
/// version that must be affected and the one that must not, read off the schema's pseudocode.
/// </summary>
public sealed class RangeSemanticsTests
{
    private static IReadOnlyList<string> AffectedOf(string record, params string[] versions) =>
        versions.Where(v => VulnerabilityMatcher.Match([Npm("pkg", v)], null, Records.Source(record)).Count > 0).ToList();

    [Fact]
    public void Introduced_zero_is_before_every_version_and_fixed_is_not_affected()
    {
        var record = Record("GHSA-0000-0000-0001", "npm", "pkg", Range("SEMVER", "introduced:0", "fixed:1.2.0"));

        Assert.Equal(["0.0.0", "0.0.1-alpha", "1.1.9"], AffectedOf(record, "0.0.0", "0.0.1-alpha", "1.1.9", "1.2.0", "1.2.1", "2.0.0"));
    }

    [Fact]
    public void Last_affected_includes_that_version_and_nothing_after_it()
    {
        var record = Record("GHSA-0000-0000-0002", "npm", "pkg", Range("ECOSYSTEM", "introduced:1.0.0", "last_affected:1.2.0"));

        Assert.Equal(["1.0.0", "1.2.0"], AffectedOf(record, "0.9.9", "1.0.0", "1.2.0", "1.2.1-beta", "1.2.1"));
    }

    [Fact]
    public void Several_introduced_and_fixed_pairs_in_any_order_are_sorted_before_they_are_read()
    {
        // Written out of order on purpose: [1.0.0, 1.0.2) and [3.0.0, 3.2.5), the schema's own multiple-range example.
        var record = Record("GHSA-0000-0000-0003", "npm", "pkg", Range("SEMVER", "fixed:3.2.5", "introduced:1.0.0", "introduced:3.0.0", "fixed:1.0.2"));

        Assert.Equal(["1.0.0", "1.0.1", "3.0.0", "3.2.4"], AffectedOf(record, "0.9.0", "1.0.0", "1.0.1", "1.0.2", "2.5.0", "3.0.0", "3.2.4", "3.2.5", "4.0.0"));
    }

    [Fact]
    public void A_limit_bounds_the_range_and_a_star_limit_bounds_nothing()
    {
        var limited = Record("GHSA-0000-0000-0004", "npm", "pkg", Range("SEMVER", "introduced:0", "limit:2.0.0"));
        var unlimited = Record("GHSA-0000-0000-0005", "npm", "pkg", Range("SEMVER", "introduced:1.0.0", "limit:*"));

        Assert.Equal(["0.1.0", "1.9.9"], AffectedOf(limited, "0.1.0", "1.9.9", "2.0.0", "3.0.0"));
        Assert.Equal(["1.0.0", "9.9.9"], AffectedOf(unlimited, "0.1.0", "1.0.0", "9.9.9"));
    }

    [Fact]
    public void A_versions_list_alone_affects_exactly_the_versions_it_lists()
    {
        var record = Record("GHSA-0000-0000-0006", "npm", "pkg", versions: OsvJson.Versions("1.0.0", "1.0.2"));

        Assert.Equal(["1.0.0", "1.0.2"], AffectedOf(record, "0.9.0", "1.0.0", "1.0.1", "1.0.2", "1.0.3"));
    }

    [Fact]
    public void A_GIT_range_alone_matches_nothing()
    {
        var record = Record("OSV-2024-0001", "npm", "pkg",
            """[ { "type": "GIT", "repo": "https://example.com/pkg.git", "events": [ { "introduced": "0" }, { "fixed": "0123456789abcdef0123456789abcdef01234567" } ] } ]""");

        Assert.Empty(AffectedOf(record, "0.0.1", "1.0.0", "9.9.9"));
    }

    [Fact]
    public void A_withdrawn_record_matches_nothing_though_its_range_would()
    {
        var ranges = Range("SEMVER", "introduced:0");
        var live = Record("GHSA-0000-0000-0007", "npm", "pkg", ranges);
        var withdrawn = Record("GHSA-0000-0000-0008", "npm", "pkg", ranges, extra: "\"withdrawn\": \"2024-01-02T03:04:05Z\",");

        Assert.Equal(["1.0.0"], AffectedOf(live, "1.0.0"));
        Assert.Empty(AffectedOf(withdrawn, "1.0.0"));
    }

    [Fact]
    public void A_range_with_an_event_the_ecosystem_cannot_read_is_skipped_not_thrown()
    {
        var record = Record("GHSA-0000-0000-0009", "npm", "pkg", Range("SEMVER", "introduced:0", "fixed:not a version"));

        Assert.Empty(AffectedOf(record, "1.0.0"));
    }

    [Fact]
    public void Another_packages_name_or_ecosystem_does_not_match()
    {
        var otherName = Record("GHSA-0000-0000-0010", "npm", "pkg-other", Range("SEMVER", "introduced:0"));
        var otherEcosystem = Record("GHSA-0000-0000-0011", "NuGet", "pkg", Range("ECOSYSTEM", "introduced:0"));

        Assert.Empty(VulnerabilityMatcher.Match([Npm("pkg", "1.0.0")], null, Records.Source(otherName, otherEcosystem)));
    }

    [Fact]
    public void The_fixes_recorded_are_those_above_the_version_and_a_fixed_version_is_never_reported()
    {
        var record = Record("GHSA-0000-0000-0012", "npm", "pkg", Range("SEMVER", "introduced:0", "fixed:1.0.5", "introduced:2.0.0", "fixed:2.0.3"));
        var advisories = Records.Source(record);

        var findings = VulnerabilityMatcher.Match([Npm("pkg", "1.0.4"), Npm("pkg", "1.0.5"), Npm("pkg", "2.0.2"), Npm("pkg", "2.0.3")], null, advisories);

        Assert.Equal(["1.0.4", "2.0.2"], findings.Select(f => f.Package.Version));
        Assert.Equal(["1.0.5", "2.0.3"], findings[0].FixedVersions);
        Assert.Equal(["2.0.3"], findings[1].FixedVersions);
    }

    [Fact]
    public void An_unfixed_vulnerability_has_no_fixed_version()
    {
        var record = Record("GHSA-0000-0000-0013", "npm", "pkg", Range("SEMVER", "introduced:1.0.0"));

        var finding = Assert.Single(VulnerabilityMatcher.Match([Npm("pkg", "1.5.0")], null, Records.Source(record)));

        Assert.Empty(finding.FixedVersions);
    }

    [Fact]
    public void A_GHSA_record_and_the_record_named_after_its_CVE_are_one_finding_with_the_CVE_as_its_ID()
    {
        var ghsa = Record("GHSA-aaaa-bbbb-cccc", "npm", "pkg", Range("SEMVER", "introduced:0", "fixed:1.0.1"), aliases: """["CVE-2024-1111"]""",
            extra: "\"published\": \"2024-02-01T00:00:00Z\",");
        var cve = Record("CVE-2024-1111", "npm", "pkg", Range("SEMVER", "introduced:0", "fixed:1.0.2"), extra: "\"published\": \"2024-01-15T00:00:00Z\",");
        var unrelated = Record("GHSA-dddd-eeee-ffff", "npm", "pkg", Range("SEMVER", "introduced:0"), aliases: """["CVE-2024-2222"]""");

        var findings = VulnerabilityMatcher.Match([Npm("pkg", "1.0.0")], null, Records.Source(ghsa, cve, unrelated));

        Assert.Equal(2, findings.Count);
        var merged = findings.Single(f => f.Id == "CVE-2024-1111");
        Assert.Equal(["GHSA-aaaa-bbbb-cccc"], merged.Aliases);
        Assert.Equal(["1.0.1", "1.0.2"], merged.FixedVersions);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.Zero), merged.Published);
        Assert.Equal(["GHSA-dddd-eeee-ffff"], findings.Single(f => f.Id == "CVE-2024-2222").Aliases);
    }

    [Fact]
    public void Records_that_only_name_each_other_as_related_stay_apart()
    {
        var first = Record("GHSA-1111-1111-1111", "npm", "pkg", Range("SEMVER", "introduced:0"), extra: "\"related\": [\"GHSA-2222-2222-2222\"],");
        var second = Record("GHSA-2222-2222-2222", "npm", "pkg", Range("SEMVER", "introduced:0"));

        Assert.Equal(2, VulnerabilityMatcher.Match([Npm("pkg", "1.0.0")], null, Records.Source(first, second)).Count);
    }

    [Fact]
    public void Packages_of_an_ecosystem_without_a_comparer_are_skipped_and_named_in_a_warning()
    {
        var record = Record("GHSA-0000-0000-0014", "RubyGems", "rack", Range("ECOSYSTEM", "introduced:0"));
        Package[] packages = [Of("ruby", "rack", "2.0.0"), Of("ruby", "rake", "13.0.0"), Npm("pkg", "1.0.0")];

        var result = VulnerabilityMatcher.MatchAll(packages, null, Records.Source(record), _ => null, null);

        Assert.Empty(result.Findings);
        Assert.Contains(result.Warnings, w => w.Contains("RubyGems packages", StringComparison.Ordinal) && w.EndsWith(": 2 (rack 2.0.0, rake 13.0.0)", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("npm packages", StringComparison.Ordinal) && w.EndsWith(": 1 (pkg 1.0.0)", StringComparison.Ordinal));
    }
}
