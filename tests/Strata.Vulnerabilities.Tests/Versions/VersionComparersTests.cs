using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Tests.Versions;

/// <summary>Each OSV ecosystem (names as in the OSV schema's list) reaches the comparer of its package format.</summary>
public sealed class VersionComparersTests
{
    [Theory]
    [InlineData("Debian", typeof(DpkgVersionComparer))]
    [InlineData("Ubuntu", typeof(DpkgVersionComparer))]
    [InlineData("Alpine", typeof(ApkVersionComparer))]
    [InlineData("Wolfi", typeof(ApkVersionComparer))]
    [InlineData("Chainguard", typeof(ApkVersionComparer))]
    [InlineData("Red Hat", typeof(RpmVersionComparer))]
    [InlineData("Rocky Linux", typeof(RpmVersionComparer))]
    [InlineData("AlmaLinux", typeof(RpmVersionComparer))]
    [InlineData("SUSE", typeof(RpmVersionComparer))]
    [InlineData("openSUSE", typeof(RpmVersionComparer))]
    [InlineData("Photon OS", typeof(RpmVersionComparer))]
    [InlineData("npm", typeof(SemVerComparer))]
    [InlineData("crates.io", typeof(SemVerComparer))]
    [InlineData("Hex", typeof(SemVerComparer))]
    [InlineData("Go", typeof(GoVersionComparer))]
    [InlineData("NuGet", typeof(NuGetVersionComparer))]
    [InlineData("Pub", typeof(PubVersionComparer))]
    [InlineData("Hackage", typeof(HackageVersionComparer))]
    [InlineData("CRAN", typeof(CranVersionComparer))]
    [InlineData("debian", typeof(DpkgVersionComparer))]
    public void An_ecosystem_finds_its_comparer(string ecosystem, Type expected) =>
        Assert.IsType(expected, VersionComparers.For(ecosystem));

    [Fact]
    public void Ranges_of_type_SEMVER_use_SemVer() => Assert.IsType<SemVerComparer>(VersionComparers.SemVer);

    [Fact]
    public void An_unknown_ecosystem_has_no_comparer() => Assert.Null(VersionComparers.For("NoSuchEcosystem"));
}
