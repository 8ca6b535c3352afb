using Strata.Sbom.Catalogers;

namespace Strata.Sbom.Tests.Os;

/// <summary>Every dpkg status file of the shared fixtures (pkgdb/os/dpkg/dpkg), read as /var/lib/dpkg/status.</summary>
public sealed class DpkgFixtureTests
{
    private const string Status = "var/lib/dpkg/status";

    private static CatalogRun Run(string fixture) =>
        CatalogRun.Of(new DpkgCataloger(), CatalogRun.Debian12, CatalogRun.Fixture("dpkg/dpkg/" + fixture, Status));

    [Fact]
    public void Valid_status_gives_its_seven_packages_with_sources_architectures_and_purls()
    {
        var run = Run("valid");

        Assert.Empty(run.Warnings);
        Assert.Equal(["accountsservice", "acl", "adduser", "admin-session", "attr", "libacl1", "util-linux-extra"], run.Names);
        var libacl = run.Single("libacl1");
        Assert.Equal(("2.3.1-3", "amd64", "acl", "2.3.1-3"), (libacl.Version, libacl.Architecture, libacl.SourceName, libacl.SourceVersion));
        Assert.Equal("pkg:deb/debian/libacl1@2.3.1-3?arch=amd64&distro=debian-12", libacl.Purl);
        var utilLinux = run.Single("util-linux-extra");
        Assert.Equal(("2.38.1-5+b1", "util-linux", "2.38.1-5"), (utilLinux.Version, utilLinux.SourceName, utilLinux.SourceVersion));
        Assert.Equal("pkg:deb/debian/util-linux-extra@2.38.1-5+b1?arch=amd64&distro=debian-12", utilLinux.Purl);
        var attr = run.Single("attr");
        Assert.Equal(("1:2.5.1-4", "attr", "1:2.5.1-4"), (attr.Version, attr.SourceName, attr.SourceVersion));
        Assert.Equal("pkg:deb/debian/attr@2.5.1-4?arch=amd64&distro=debian-12&epoch=1", attr.Purl);
        var adduser = run.Single("adduser");
        Assert.Equal(("3.131", "all", "adduser"), (adduser.Version, adduser.Architecture, adduser.SourceName));
        Assert.All(run.Packages, p => Assert.Equal(("dpkg", "/var/lib/dpkg/status", 0), (p.Ecosystem, p.Locations.Single().Path, p.Locations.Single().Layer)));
    }

    [Theory]
    [InlineData("single")]
    [InlineData("trailingnewlines")]
    public void One_package_status_gives_acl(string fixture)
    {
        var run = Run(fixture);

        Assert.Empty(run.Warnings);
        var acl = Assert.Single(run.Packages);
        Assert.Equal(("acl", "2.3.1-3", "amd64", "acl", "2.3.1-3"), (acl.Name, acl.Version, acl.Architecture, acl.SourceName, acl.SourceVersion));
        Assert.Equal("pkg:deb/debian/acl@2.3.1-3?arch=amd64&distro=debian-12", acl.Purl);
    }

    [Theory]
    [InlineData("transitional", "iceweasel", "78.13.0esr-1~deb10u1", "firefox-esr", "pkg:deb/debian/iceweasel@78.13.0esr-1~deb10u1?arch=all&distro=debian-12")]
    [InlineData("transitional_dummy", "git-core", "1:2.14.2-1", "git", "pkg:deb/debian/git-core@2.14.2-1?arch=all&distro=debian-12&epoch=1")]
    [InlineData("transitional_empty", "runit-systemd", "2.1.2-54+usrmerge", "runit", "pkg:deb/debian/runit-systemd@2.1.2-54+usrmerge?arch=all&distro=debian-12")]
    public void Transitional_packages_are_packages_with_their_source(string fixture, string name, string version, string source, string purl)
    {
        var run = Run(fixture);

        Assert.Empty(run.Warnings);
        var package = Assert.Single(run.Packages);
        Assert.Equal((name, version, source, version, purl), (package.Name, package.Version, package.SourceName, package.SourceVersion, package.Purl));
    }

    [Fact]
    public void Only_installed_packages_count_and_a_package_without_status_is_installed()
    {
        var run = Run("statusfield");

        Assert.Empty(run.Warnings);
        Assert.Equal(["wantinstall_installed", "wantnostatus"], run.Names);
    }

    [Fact]
    public void A_paragraph_without_package_is_skipped_with_a_warning_naming_the_path()
    {
        var run = Run("nopackage");

        Assert.Equal([("foo", "1.0"), ("bar", "2.0")], run.Packages.Select(p => (p.Name, p.Version)));
        var warning = Assert.Single(run.Warnings);
        Assert.StartsWith("/var/lib/dpkg/status: ", warning, StringComparison.Ordinal);
        Assert.Contains("line 5 has no Package", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_without_version_is_skipped_with_a_warning_naming_it()
    {
        var run = Run("noversion");

        Assert.Equal(["foo", "bar"], run.Names);
        var warning = Assert.Single(run.Warnings);
        Assert.StartsWith("/var/lib/dpkg/status: package 'acl'", warning, StringComparison.Ordinal);
        Assert.Contains("no Version", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_no_control_file_gives_warnings_and_no_packages()
    {
        var run = Run("invalid");

        Assert.Empty(run.Packages);
        Assert.Equal(2, run.Warnings.Count);
        Assert.All(run.Warnings, w => Assert.StartsWith("/var/lib/dpkg/status: paragraph at line ", w, StringComparison.Ordinal));
        Assert.Contains("is not 'Field: value'", run.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_status_file_has_no_packages_and_is_not_broken()
    {
        var run = Run("empty");

        Assert.Empty(run.Packages);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void Distroless_status_d_files_are_read_and_their_md5sums_give_the_files()
    {
        var run = CatalogRun.Of(
            new DpkgCataloger(),
            CatalogRun.Debian12,
            CatalogRun.Fixture("dpkg/dpkg/status.d/foo", "var/lib/dpkg/status.d/foo"),
            CatalogRun.Fixture("dpkg/dpkg/status.d/foo.md5sums", "var/lib/dpkg/status.d/foo.md5sums"));

        Assert.Empty(run.Warnings);
        var foo = Assert.Single(run.Packages);
        Assert.Equal(("foo", "1.2.3", "amd64", "foo"), (foo.Name, foo.Version, foo.Architecture, foo.SourceName));
        Assert.Equal("pkg:deb/debian/foo@1.2.3?arch=amd64&distro=debian-12", foo.Purl);
        Assert.Equal("/var/lib/dpkg/status.d/foo", foo.Locations.Single().Path);
        Assert.Equal(6, foo.Files.Count);
        Assert.Contains("/usr/lib/os-release", foo.Files);
    }

    [Fact]
    public void Without_an_os_the_namespace_is_debian_and_there_is_no_distro()
    {
        var run = CatalogRun.Of(new DpkgCataloger(), null, CatalogRun.Fixture("dpkg/dpkg/single", Status));

        Assert.Equal("pkg:deb/debian/acl@2.3.1-3?arch=amd64", Assert.Single(run.Packages).Purl);
    }
}
