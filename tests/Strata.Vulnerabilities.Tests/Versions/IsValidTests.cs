using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Tests.Versions;

/// <summary>Which strings each ecosystem accepts as a version, from its own format rules.</summary>
public sealed class IsValidTests
{
    [Theory]
    [InlineData("2.36-9+deb12u4", true)]
    [InlineData("1:2.36-9+deb12u4", true)]
    [InlineData("1.2.3-1~deb7u1", true)]
    [InlineData("2.7.4+reloaded2-13+deb9u1", true)]
    [InlineData("1.0-2-3", true)] // upstream may hold hyphens when there is a revision
    [InlineData("0", true)]
    [InlineData("", false)]
    [InlineData("a1.0", false)] // upstream must start with a digit
    [InlineData("1:", false)]
    [InlineData("x:1.0", false)] // the epoch is a number
    [InlineData("1.0-", false)] // an empty revision
    [InlineData("1.0 beta", false)]
    [InlineData("1.0_1", false)]
    public void Dpkg(string version, bool valid) => Assert.Equal(valid, new DpkgVersionComparer().IsValid(version));

    [Theory]
    [InlineData("1.2.3", true)]
    [InlineData("v1.2.3-beta.1+build.5", true)]
    [InlineData("1.0.0-x-y-z.--", true)]
    [InlineData("0", true)]
    [InlineData("", false)]
    [InlineData("1.2.x", false)]
    [InlineData("1.2.3-", false)]
    [InlineData("1.2.3-a..b", false)]
    [InlineData("1.2.3-be$ta", false)]
    [InlineData("1.2.3+", false)]
    [InlineData("1.2.3.4", false)]
    public void SemVer(string version, bool valid) => Assert.Equal(valid, new SemVerComparer().IsValid(version));

    [Theory]
    [InlineData("1.0.0.1-beta", true)]
    [InlineData("1.0", true)]
    [InlineData("1.0.01", true)]
    [InlineData("13.0.1+meta", true)]
    [InlineData("1.0.0-BETA.X.y.5.77.0+AA", true)]
    [InlineData("1.0.0.0.0", false)]
    [InlineData("v1.0.0", false)]
    [InlineData("1.0.0-", false)]
    [InlineData("abc", false)]
    [InlineData("", false)]
    public void NuGet(string version, bool valid) => Assert.Equal(valid, new NuGetVersionComparer().IsValid(version));

    [Theory]
    [InlineData("1.2.3-r0", true)]
    [InlineData("2.36_rc1_p2-r10", true)]
    [InlineData("1.1.1w-r1", true)]
    [InlineData("6.6.2_p1", true)]
    [InlineData("1.0_alpha", true)]
    [InlineData("1.0~cafe01-r3", true)]
    [InlineData("", false)]
    [InlineData("a", false)] // no number
    [InlineData("1..2", false)] // an empty number
    [InlineData("1.0-r", false)] // a revision without its number
    [InlineData("1.0_blah", false)] // not one of apk's suffixes
    [InlineData("1.0A", false)] // the letter is lower case
    [InlineData("1.0ab", false)] // one letter only
    [InlineData("1.0-1", false)] // Debian's revision syntax
    [InlineData("1.0~", false)] // an empty commit hash
    [InlineData("1.0-r1-r2", false)]
    public void Apk(string version, bool valid) => Assert.Equal(valid, new ApkVersionComparer().IsValid(version));

    [Theory]
    [InlineData("2.28-236.el9_4.2", true)]
    [InlineData("1:3.0.7-27.el9", true)]
    [InlineData("1.0~rc1^git1-3", true)]
    [InlineData("2.34", true)]
    [InlineData("", false)]
    [InlineData(":1.0-1", false)] // an empty epoch
    [InlineData("x:1.0-1", false)] // a non-numeric epoch
    [InlineData("1.0-", false)] // an empty release
    [InlineData("-1", false)] // an empty version
    [InlineData("1.0 -1", false)]
    public void Rpm(string version, bool valid) => Assert.Equal(valid, new RpmVersionComparer().IsValid(version));

    [Theory]
    [InlineData("1.2.3", true)]
    [InlineData("1.0.0-dev.1+build.7", true)]
    [InlineData("0", true)] // OSV's "introduced": "0"
    [InlineData("1.0", false)] // Pub requires all three numbers
    [InlineData("v1.0.0", false)]
    [InlineData("1.0.0-", false)]
    [InlineData("", false)]
    public void Pub(string version, bool valid) => Assert.Equal(valid, new PubVersionComparer().IsValid(version));

    [Theory]
    [InlineData("0", true)]
    [InlineData("1.0.2.3", true)]
    [InlineData("1.0-beta", false)] // version tags are gone from Cabal
    [InlineData("1..0", false)]
    [InlineData("", false)]
    public void Hackage(string version, bool valid) => Assert.Equal(valid, new HackageVersionComparer().IsValid(version));

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("0.1-2", true)]
    [InlineData("1.5-10.1", true)]
    [InlineData("0", true)] // OSV's "introduced": "0"
    [InlineData("1", false)] // R needs at least two numbers
    [InlineData("1.0-", false)]
    [InlineData("1.0a", false)]
    [InlineData("", false)]
    public void Cran(string version, bool valid) => Assert.Equal(valid, new CranVersionComparer().IsValid(version));
}
