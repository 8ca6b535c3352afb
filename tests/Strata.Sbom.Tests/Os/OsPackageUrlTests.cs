using Strata.Sbom.Model;

namespace Strata.Sbom.Tests.Os;

/// <summary>Package URLs of OS packages, encoded as the purl specification's character-encoding rules say.</summary>
public sealed class OsPackageUrlTests
{
    [Theory]
    [InlineData("2.36-9+deb12u14", "2.36-9%2Bdeb12u14")]
    [InlineData("1:2.5.1-4", "1:2.5.1-4")]
    [InlineData("78.13.0esr-1~deb10u1", "78.13.0esr-1~deb10u1")]
    [InlineData("1.0 beta", "1.0%20beta")]
    [InlineData("1.0@x/y?z#w", "1.0%40x%2Fy%3Fz%23w")]
    [InlineData("ü", "%C3%BC")]
    public void Versions_encode_all_but_alphanumerics_punctuation_and_the_colon(string version, string encoded)
    {
        Assert.Equal(encoded, PackageUrl.Encode(version));
    }

    [Theory]
    [InlineData("2.36-9+deb12u14", "2.36-9+deb12u14")]
    [InlineData("1:4.13+dfsg1-1+b1", "1:4.13+dfsg1-1+b1")]
    [InlineData("1.0 beta", "1.0%20beta")]
    public void Versions_keep_their_plus_as_the_issue_and_trivy_write_them(string version, string encoded)
    {
        Assert.Equal(encoded, PackageUrl.EncodeVersion(version));
    }

    [Fact]
    public void A_debian_epoch_moves_to_the_epoch_qualifier_and_the_package_keeps_the_whole_version()
    {
        var entry = Strata.Sbom.Catalogers.DpkgStatus.Parse("Package: login\nVersion: 1:4.13+dfsg1-1+b1\nArchitecture: amd64\n", _ => { }).Single();

        Assert.Equal("pkg:deb/debian/login@4.13+dfsg1-1+b1?arch=amd64&distro=debian-12&epoch=1",
            Strata.Sbom.Catalogers.DpkgCataloger.Purl(entry, new OsInfo("debian", "12", null, null)));
    }

    [Fact]
    public void Deb_apk_and_rpm_purls_sort_their_qualifiers_and_leave_out_empty_ones()
    {
        Assert.Equal(
            "pkg:deb/debian/libc6@2.36-9+deb12u14?arch=amd64&distro=debian-12",
            PackageUrl.Create("deb", "debian", "libc6", "2.36-9+deb12u14", [new("distro", "debian-12"), new("arch", "amd64")]));
        Assert.Equal(
            "pkg:apk/alpine/musl@1.2.4-r0?arch=x86_64",
            PackageUrl.Create("apk", "alpine", "musl", "1.2.4-r0", [new("arch", "x86_64"), new("distro", null)]));
        Assert.Equal(
            "pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=i386&distro=fedora-25&epoch=1",
            PackageUrl.Create("rpm", "fedora", "curl", "7.50.3-1.fc25", [new("arch", "i386"), new("epoch", "1"), new("distro", "fedora-25")]));
    }

    [Fact]
    public void A_scoped_npm_name_keeps_its_at_sign_encoded()
    {
        Assert.Equal("pkg:npm/%40types/node@20.1.0", PackageUrl.Create("npm", "@types", "node", "20.1.0"));
    }
}
