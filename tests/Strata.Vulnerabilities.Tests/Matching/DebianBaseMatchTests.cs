using Strata.Vulnerabilities.Matching;

namespace Strata.Vulnerabilities.Tests.Matching;

/// <summary>The shared base image (Debian 12) against Debian 12 records written from Debian's security data (<see cref="DebianRecords"/>).</summary>
public sealed class DebianBaseMatchTests(SharedImages images) : IClassFixture<SharedImages>
{
    private static InMemoryAdvisories Advisories => Records.Source(DebianRecords.Dsa5514, DebianRecords.Cve20264438, DebianRecords.Cve20162781, DebianRecords.Cve20167543);

    [Fact]
    public void Base_reports_the_unfixed_coreutils_issue_and_none_that_its_versions_already_fix()
    {
        var sbom = images.Base;

        var result = VulnerabilityMatcher.MatchAll(sbom.Packages, sbom.Os, Advisories);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("DEBIAN-CVE-2016-2781", "coreutils", "9.1-1"), (finding.Id, finding.Package.Name, finding.Package.Version));
        Assert.Empty(finding.FixedVersions);
        Assert.Equal("Debian:12", finding.Ecosystem);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void The_base_images_glibc_is_the_one_the_fixes_were_compared_with()
    {
        // The three records that must stay silent speak of these packages at these versions: were the package missing
        // or named otherwise, their silence would prove nothing.
        var packages = images.Base.Packages;

        Assert.Contains(packages, p => p.Name == "libc6" && p.SourceName == "glibc" && p.SourceVersion == "2.36-9+deb12u14");
        Assert.Contains(packages, p => p.Name == "libc-bin" && p.SourceName == "glibc");
        Assert.Contains(packages, p => p.Name == "bash" && p.Version == "5.2.15-2+b13" && p.SourceVersion == "5.2.15-2");
        Assert.Equal(("debian", "12"), (images.Base.Os?.Id, images.Base.Os?.VersionId));
    }

    [Fact]
    public void Glibcs_binaries_are_reported_under_the_source_name_while_a_fix_is_still_ahead()
    {
        // The same real record against bookworm's glibc before the fix (2.36-9+deb12u13, the version Debian's tracker
        // lists as vulnerable): both binaries of glibc in the image report it, with the fixed version.
        var earlier = images.Base.Packages.Where(p => p.SourceName == "glibc")
            .Select(p => p with { Version = "2.36-9+deb12u13", SourceVersion = "2.36-9+deb12u13" })
            .ToList();

        var findings = VulnerabilityMatcher.Match(earlier, images.Base.Os, Advisories);

        Assert.Equal(["libc-bin", "libc6"], findings.Select(f => f.Package.Name).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal("DEBIAN-CVE-2026-4438", f.Id));
        Assert.All(findings, f => Assert.Equal(["2.36-9+deb12u14"], f.FixedVersions));
    }

    [Fact]
    public void The_bullseye_entry_of_a_record_does_not_apply_to_bookworm()
    {
        // 2.36-9+deb12u2 is before bookworm's fix (2.36-9+deb12u3) and after bullseye's (2.31-13+deb11u7): only the
        // Debian:12 entry may decide, and it reports the package with bookworm's fix alone.
        var libc6 = images.Base.Packages.Single(p => p.Name == "libc6") with { Version = "2.36-9+deb12u2", SourceVersion = "2.36-9+deb12u2" };

        var finding = Assert.Single(VulnerabilityMatcher.Match([libc6], images.Base.Os, Records.Source(DebianRecords.Dsa5514)));

        Assert.Equal("CVE-2023-4911", finding.Id);
        Assert.Equal(["DSA-5514-1"], finding.Aliases);
        Assert.Equal(["2.36-9+deb12u3"], finding.FixedVersions);
    }
}
