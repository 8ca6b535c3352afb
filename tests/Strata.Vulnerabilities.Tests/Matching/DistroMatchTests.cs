using Strata.Sbom.Model;
using Strata.Vulnerabilities.Matching;
using static Strata.Vulnerabilities.Tests.Matching.OsvJson;
using static Strata.Vulnerabilities.Tests.Matching.TestPackages;

namespace Strata.Vulnerabilities.Tests.Matching;

/// <summary>
/// Distribution packages: matched by source package name, in their own distribution and release only, with Debian's
/// version ordering (epochs). Package facts are those of the shared Debian 12 images' dpkg status.
/// </summary>
public sealed class DistroMatchTests
{
    private static readonly Package Libc6 = Deb("libc6", "2.36-9+deb12u14", "glibc");

    /// <summary>bsdutils carries an epoch its source, util-linux, does not: <c>Source: util-linux (2.38.1-5+deb12u3)</c>.</summary>
    private static readonly Package Bsdutils = Deb("bsdutils", "1:2.38.1-5+deb12u3", "util-linux", "2.38.1-5+deb12u3");

    [Fact]
    public void Libc6_is_matched_by_its_source_package_glibc_and_not_by_its_own_name()
    {
        var bySource = Record("DEB-TEST-1", "Debian:12", "glibc", Range("ECOSYSTEM", "introduced:0"));
        var byBinary = Record("DEB-TEST-2", "Debian:12", "libc6", Range("ECOSYSTEM", "introduced:0"));

        var findings = VulnerabilityMatcher.Match([Libc6], Bookworm, Records.Source(bySource, byBinary));

        Assert.Equal("DEB-TEST-1", Assert.Single(findings).Id);
        Assert.Equal("Debian:12", findings[0].Ecosystem);
    }

    [Fact]
    public void A_record_for_another_Debian_release_never_matches()
    {
        var bullseye = Record("DEB-TEST-3", "Debian:11", "glibc", Range("ECOSYSTEM", "introduced:0"));
        var trixie = Record("DEB-TEST-4", "Debian:13", "glibc", Range("ECOSYSTEM", "introduced:0"));
        var bookworm = Record("DEB-TEST-5", "Debian:12", "glibc", Range("ECOSYSTEM", "introduced:0"));

        Assert.Empty(VulnerabilityMatcher.Match([Libc6], Bookworm, Records.Source(bullseye, trixie)));
        Assert.Single(VulnerabilityMatcher.Match([Libc6], Bookworm, Records.Source(bookworm)));
    }

    [Fact]
    public void A_Debian_record_never_matches_an_Ubuntu_image_nor_a_PyPI_record_a_Debian_package()
    {
        var debian = Record("DEB-TEST-6", "Debian:12", "glibc", Range("ECOSYSTEM", "introduced:0"));
        var pypi = Record("PYSEC-TEST-1", "PyPI", "glibc", Range("ECOSYSTEM", "introduced:0"));
        var jammy = new OsInfo("ubuntu", "22.04", "Ubuntu 22.04.4 LTS", "jammy");

        Assert.Empty(VulnerabilityMatcher.Match([Libc6], jammy, Records.Source(debian)));
        Assert.Empty(VulnerabilityMatcher.Match([Libc6], Bookworm, Records.Source(pypi)));
    }

    [Fact]
    public void Epochs_order_before_everything_else()
    {
        // zlib1g 1:1.2.13.dfsg-1: a fix at 1.2.14-1 has epoch 0 and so is older, although its upstream version is newer.
        var zlib = Deb("zlib1g", "1:1.2.13.dfsg-1", "zlib");
        var olderEpoch = Record("DEB-TEST-7", "Debian:12", "zlib", Range("ECOSYSTEM", "introduced:0", "fixed:1.2.14-1"));
        var sameEpoch = Record("DEB-TEST-8", "Debian:12", "zlib", Range("ECOSYSTEM", "introduced:0", "fixed:1:1.2.13.dfsg-1+deb12u1"));

        var findings = VulnerabilityMatcher.Match([zlib], Bookworm, Records.Source(olderEpoch, sameEpoch));

        var finding = Assert.Single(findings);
        Assert.Equal("DEB-TEST-8", finding.Id);
        Assert.Equal(["1:1.2.13.dfsg-1+deb12u1"], finding.FixedVersions);
    }

    [Fact]
    public void A_binary_is_compared_by_its_source_version_so_an_epoch_of_its_own_does_not_hide_a_fix()
    {
        var fixedLater = Record("DEB-TEST-9", "Debian:12", "util-linux", Range("ECOSYSTEM", "introduced:0", "fixed:2.38.1-5+deb12u4"));
        var fixedAtInstalled = Record("DEB-TEST-10", "Debian:12", "util-linux", Range("ECOSYSTEM", "introduced:0", "fixed:2.38.1-5+deb12u3"));

        var findings = VulnerabilityMatcher.Match([Bsdutils], Bookworm, Records.Source(fixedLater, fixedAtInstalled));

        Assert.Equal("DEB-TEST-9", Assert.Single(findings).Id);
    }

    [Fact]
    public void A_record_without_a_release_applies_to_every_release()
    {
        var record = Record("DEB-TEST-11", "Debian", "glibc", Range("ECOSYSTEM", "introduced:0", "fixed:2.36-9+deb12u15"));

        Assert.Single(VulnerabilityMatcher.Match([Libc6], Bookworm, Records.Source(record)));
    }

    [Fact]
    public void Distribution_packages_on_an_unknown_OS_are_named_in_a_warning()
    {
        var record = Record("DEB-TEST-12", "Debian:12", "glibc", Range("ECOSYSTEM", "introduced:0"));

        var unidentified = VulnerabilityMatcher.MatchAll([Libc6], null, Records.Source(record));
        var unknownDistro = VulnerabilityMatcher.MatchAll([Libc6], new OsInfo("plan9", "4", null, null), Records.Source(record));

        Assert.Empty(unidentified.Findings);
        Assert.Contains("OS could not be identified", Assert.Single(unidentified.Warnings), StringComparison.Ordinal);
        Assert.Contains("plan9 4, which has no OSV ecosystem", Assert.Single(unknownDistro.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Debian_without_VERSION_ID_is_placed_by_its_codename()
    {
        var record = Record("DEB-TEST-13", "Debian:12", "glibc", Range("ECOSYSTEM", "introduced:0"));

        Assert.Single(VulnerabilityMatcher.Match([Libc6], new OsInfo("debian", "", null, "bookworm"), Records.Source(record)));
    }

    [Fact]
    public void Ubuntu_packages_match_the_LTS_release_string_and_not_Pro_nor_other_releases()
    {
        var jammy = new OsInfo("ubuntu", "22.04", "Ubuntu 22.04.4 LTS", "jammy");
        var openssl = Deb("libssl3", "3.0.2-0ubuntu1.15", "openssl");
        var lts = Record("UBUNTU-CVE-TEST-1", "Ubuntu:22.04:LTS", "openssl", Range("ECOSYSTEM", "introduced:0", "fixed:3.0.2-0ubuntu1.16"));
        var pro = Record("UBUNTU-CVE-TEST-2", "Ubuntu:Pro:22.04:LTS", "openssl", Range("ECOSYSTEM", "introduced:0"));
        var focal = Record("UBUNTU-CVE-TEST-3", "Ubuntu:20.04:LTS", "openssl", Range("ECOSYSTEM", "introduced:0"));

        var findings = VulnerabilityMatcher.Match([openssl], jammy, Records.Source(lts, pro, focal));

        Assert.Equal("UBUNTU-CVE-TEST-1", Assert.Single(findings).Id);
        Assert.Equal("Ubuntu:22.04:LTS", findings[0].Ecosystem);
    }

    [Fact]
    public void Alpine_packages_match_by_origin_in_their_release_branch()
    {
        var alpine = new OsInfo("alpine", "3.18.4", "Alpine Linux v3.18", null);
        var libssl = new Package
        {
            Ecosystem = "apk", Name = "libssl3", Version = "3.1.3-r0", SourceName = "openssl", SourceVersion = "3.1.3-r0",
            Purl = "pkg:apk/alpine/libssl3@3.1.3-r0", Locations = [new PackageLocation("/lib/apk/db/installed", 0, "sha256:00", null)],
        };
        var v318 = Record("ALPINE-TEST-1", "Alpine:v3.18", "openssl", Range("ECOSYSTEM", "introduced:0", "fixed:3.1.4-r0"));
        var v319 = Record("ALPINE-TEST-2", "Alpine:v3.19", "openssl", Range("ECOSYSTEM", "introduced:0"));
        var byBinary = Record("ALPINE-TEST-3", "Alpine:v3.18", "libssl3", Range("ECOSYSTEM", "introduced:0"));

        var finding = Assert.Single(VulnerabilityMatcher.Match([libssl], alpine, Records.Source(v318, v319, byBinary)));

        Assert.Equal("ALPINE-TEST-1", finding.Id);
        Assert.Equal(["3.1.4-r0"], finding.FixedVersions);
    }

    [Fact]
    public void Red_Hat_packages_compare_with_their_epoch_in_the_enterprise_linux_stream_of_their_major_release()
    {
        var rhel = new OsInfo("rhel", "9.4", "Red Hat Enterprise Linux 9.4 (Plow)", null);
        var libs = new Package
        {
            Ecosystem = "rpm", Name = "openssl-libs", Version = "1:3.0.7-24.el9", SourceName = "openssl", SourceVersion = "3.0.7-24.el9",
            Purl = "pkg:rpm/rhel/openssl-libs@3.0.7-24.el9?epoch=1", Locations = [new PackageLocation("/var/lib/rpm/rpmdb.sqlite", 0, "sha256:00", null)],
        };
        var baseos = Record("RHSA-TEST-1", "Red Hat:enterprise_linux:9::baseos", "openssl", Range("ECOSYSTEM", "introduced:0", "fixed:1:3.0.7-27.el9"));
        var fixedBefore = Record("RHSA-TEST-2", "Red Hat:enterprise_linux:9::baseos", "openssl-libs", Range("ECOSYSTEM", "introduced:0", "fixed:1:3.0.7-20.el9"));
        var rhel8 = Record("RHSA-TEST-3", "Red Hat:enterprise_linux:8::baseos", "openssl", Range("ECOSYSTEM", "introduced:0"));

        var finding = Assert.Single(VulnerabilityMatcher.Match([libs], rhel, Records.Source(baseos, fixedBefore, rhel8)));

        Assert.Equal("RHSA-TEST-1", finding.Id);
        Assert.Equal(["1:3.0.7-27.el9"], finding.FixedVersions);
    }
}
