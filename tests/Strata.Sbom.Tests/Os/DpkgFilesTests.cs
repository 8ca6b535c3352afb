using Strata.Sbom.Catalogers;

namespace Strata.Sbom.Tests.Os;

/// <summary>Which files a Debian package owns (info/*.list), which layer brought it, and the Source field's forms.</summary>
public sealed class DpkgFilesTests
{
    private const string TwoPackages = """
        Package: libc6
        Status: install ok installed
        Architecture: amd64
        Multi-Arch: same
        Source: glibc
        Version: 2.36-9+deb12u14

        Package: hello
        Status: install ok installed
        Architecture: amd64
        Version: 2.10-3

        """;

    [Fact]
    public void Files_come_from_the_list_named_with_or_without_the_architecture_and_folders_are_left_out()
    {
        var run = CatalogRun.Of(
            new DpkgCataloger(),
            CatalogRun.Debian12,
            CatalogRun.File("var/lib/dpkg/status", TwoPackages),
            CatalogRun.File("var/lib/dpkg/info/libc6:amd64.list", "/.\n/usr\n/usr/lib\n/usr/lib/x86_64-linux-gnu\n/usr/lib/x86_64-linux-gnu/libc.so.6\n/usr/lib/x86_64-linux-gnu/libm.so.6\n"),
            CatalogRun.File("var/lib/dpkg/info/hello.list", "/.\n/usr\n/usr/bin\n/usr/bin/hello\n"),
            CatalogRun.File("var/lib/dpkg/info/gone.list", "/usr/bin/gone\n", visible: false));

        Assert.Equal(["/usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/x86_64-linux-gnu/libm.so.6"], run.Single("libc6").Files);
        Assert.Equal(["/usr/bin/hello"], run.Single("hello").Files);
        Assert.Equal(("glibc", "2.36-9+deb12u14"), (run.Single("libc6").SourceName, run.Single("libc6").SourceVersion));
        Assert.Equal("pkg:deb/debian/libc6@2.36-9+deb12u14?arch=amd64&distro=debian-12", run.Single("libc6").Purl);
    }

    [Fact]
    public void The_location_is_the_earliest_layer_from_which_every_later_status_lists_the_same_version()
    {
        var upgraded = TwoPackages.Replace("2.10-3", "2.10-4", StringComparison.Ordinal);
        var run = CatalogRun.Of(
            new DpkgCataloger(),
            CatalogRun.Debian12,
            CatalogRun.File("var/lib/dpkg/status", TwoPackages, layer: 0, visible: false),
            CatalogRun.File("var/lib/dpkg/status", TwoPackages + "\nPackage: curl\nVersion: 7.88.1-10\nArchitecture: amd64\n", layer: 2, visible: false),
            CatalogRun.File("var/lib/dpkg/status", upgraded + "\nPackage: curl\nVersion: 7.88.1-10\nArchitecture: amd64\n", layer: 4));

        Assert.Equal(0, run.Single("libc6").Locations.Single().Layer);
        Assert.Equal(2, run.Single("curl").Locations.Single().Layer);
        Assert.Equal(4, run.Single("hello").Locations.Single().Layer);
        Assert.Equal("RUN layer 4", run.Single("hello").Locations.Single().CreatedBy);
    }

    [Fact]
    public void A_package_removed_and_installed_again_comes_from_the_layer_that_installed_it_again()
    {
        var withoutHello = TwoPackages[..TwoPackages.IndexOf("Package: hello", StringComparison.Ordinal)];
        var run = CatalogRun.Of(
            new DpkgCataloger(),
            null,
            CatalogRun.File("var/lib/dpkg/status", TwoPackages, layer: 0, visible: false),
            CatalogRun.File("var/lib/dpkg/status", withoutHello, layer: 1, visible: false),
            CatalogRun.File("var/lib/dpkg/status", TwoPackages, layer: 3));

        Assert.Equal(3, run.Single("hello").Locations.Single().Layer);
        Assert.Equal(0, run.Single("libc6").Locations.Single().Layer);
    }

    [Fact]
    public void A_status_file_a_later_layer_deleted_gives_nothing()
    {
        var run = CatalogRun.Of(new DpkgCataloger(), null, CatalogRun.File("var/lib/dpkg/status", TwoPackages, visible: false));

        Assert.Empty(run.Packages);
    }

    [Theory]
    [InlineData(null, "hello", "1.0")]
    [InlineData("glibc", "glibc", "1.0")]
    [InlineData("util-linux (2.38.1-5)", "util-linux", "2.38.1-5")]
    [InlineData("  openssl   (3.0.11-1~deb12u2) ", "openssl", "3.0.11-1~deb12u2")]
    [InlineData("broken (", "broken", "1.0")]
    public void Source_names_the_source_package_and_maybe_its_version(string? source, string name, string version)
    {
        Assert.Equal((name, version), DpkgStatus.Source(source, "hello", "1.0"));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("install ok installed", true)]
    [InlineData("hold ok installed", true)]
    [InlineData("install ok unpacked", false)]
    [InlineData("deinstall ok config-files", false)]
    [InlineData("deinstall reinstreq installed", false)]
    [InlineData("purge ok installed", false)]
    [InlineData("install reinstreq half-installed", false)]
    public void Installed_means_install_ok_installed(string? status, bool installed)
    {
        Assert.Equal(installed, DpkgStatus.IsInstalled(status));
    }

    [Fact]
    public void The_cataloger_asks_for_the_status_files_and_the_lists_only()
    {
        var dpkg = new DpkgCataloger();

        Assert.True(dpkg.WantsPath("var/lib/dpkg/status"));
        Assert.True(dpkg.WantsPath("var/lib/dpkg/status.d/base"));
        Assert.True(dpkg.WantsPath("var/lib/dpkg/status.d/base.md5sums"));
        Assert.True(dpkg.WantsPath("var/lib/dpkg/info/libc6:amd64.list"));
        Assert.False(dpkg.WantsPath("var/lib/dpkg/status-old"));
        Assert.False(dpkg.WantsPath("var/lib/dpkg/info/libc6:amd64.md5sums"));
        Assert.False(dpkg.WantsPath("var/lib/dpkg/status.d/sub/x"));
        Assert.False(dpkg.WantsPath("usr/var/lib/dpkg/status"));
    }
}
