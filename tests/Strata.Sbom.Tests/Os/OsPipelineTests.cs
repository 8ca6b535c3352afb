using Strata.TestKit;

namespace Strata.Sbom.Tests.Os;

/// <summary>OS packages found through the real pipeline: image layers read once, files captured, layers traced.</summary>
public sealed class OsPipelineTests
{
    private const string OsRelease = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION_CODENAME=bookworm\nID=debian\n";

    private const string Base = """
        Package: libc6
        Status: install ok installed
        Architecture: amd64
        Source: glibc
        Version: 2.36-9+deb12u14

        Package: bash
        Status: install ok installed
        Architecture: amd64
        Version: 5.2.15-2+b7

        """;

    private const string Added = """

        Package: curl
        Status: install ok installed
        Architecture: amd64
        Version: 7.88.1-10+deb12u12

        """;

    [Fact]
    public async Task A_package_a_later_layer_installed_is_traced_to_that_layer_and_its_step()
    {
        var sbom = await OsImages.SbomAsync(
            TestContext.Current.CancellationToken,
            new LayerBuilder()
                .File("etc/os-release", OsRelease)
                .File("var/lib/dpkg/status", Base)
                .File("var/lib/dpkg/info/libc6:amd64.list", "/.\n/usr\n/usr/lib\n/usr/lib/libc.so.6\n")
                .File("usr/lib/libc.so.6", "elf"),
            new LayerBuilder()
                .File("var/lib/dpkg/status", Base + Added)
                .File("var/lib/dpkg/info/curl.list", "/.\n/usr\n/usr/bin\n/usr/bin/curl\n")
                .File("usr/bin/curl", "elf"));

        Assert.Equal("debian-12", sbom.Os?.Distro);
        Assert.Equal(["bash", "curl", "libc6"], sbom.Packages.Select(p => p.Name));
        var curl = sbom.Packages.Single(p => p.Name == "curl");
        var location = curl.Locations.Single();
        Assert.Equal(("/var/lib/dpkg/status", 1, "RUN step 1"), (location.Path, location.Layer, location.CreatedBy));
        Assert.StartsWith("sha256:", location.DiffId, StringComparison.Ordinal);
        Assert.Equal(["/usr/bin/curl"], curl.Files);
        Assert.Equal("pkg:deb/debian/curl@7.88.1-10+deb12u12?arch=amd64&distro=debian-12", curl.Purl);
        foreach (var name in new[] { "libc6", "bash" })
        {
            var earlier = sbom.Packages.Single(p => p.Name == name).Locations.Single();
            Assert.Equal((0, "RUN step 0"), (earlier.Layer, earlier.CreatedBy));
            Assert.NotEqual(location.DiffId, earlier.DiffId);
        }
        Assert.Equal(["/usr/lib/libc.so.6"], sbom.Packages.Single(p => p.Name == "libc6").Files);
        Assert.DoesNotContain(sbom.Warnings, w => w.Contains("dpkg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_status_file_a_later_layer_deleted_gives_no_packages()
    {
        var sbom = await OsImages.SbomAsync(
            TestContext.Current.CancellationToken,
            new LayerBuilder().File("etc/os-release", OsRelease).File("var/lib/dpkg/status", Base),
            new LayerBuilder().Whiteout("var/lib/dpkg/status"));

        Assert.Empty(sbom.Packages);
    }

    [Fact]
    public async Task An_alpine_image_gives_apk_packages_with_the_alpine_release_in_the_purl()
    {
        var sbom = await OsImages.SbomAsync(
            TestContext.Current.CancellationToken,
            new LayerBuilder()
                .File("etc/os-release", "ID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME=\"Alpine Linux v3.20\"\n")
                .File("etc/alpine-release", "3.20.3\n")
                .File("lib/apk/db/installed", "P:musl\nV:1.2.5-r0\nA:x86_64\nL:MIT\no:musl\nF:lib\nR:ld-musl-x86_64.so.1\n\n"));

        var musl = Assert.Single(sbom.Packages);
        Assert.Equal("pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20.3", musl.Purl);
        Assert.Equal(["/lib/ld-musl-x86_64.so.1"], musl.Files);
        Assert.Equal(0, musl.Locations.Single().Layer);
    }

    [Fact]
    public async Task A_broken_status_file_in_an_image_is_a_warning_naming_it()
    {
        var sbom = await OsImages.SbomAsync(
            TestContext.Current.CancellationToken,
            new LayerBuilder().File("etc/os-release", OsRelease).File("var/lib/dpkg/status", "garbage\n\nPackage: ok\nVersion: 1\n"));

        Assert.Equal(["ok"], sbom.Packages.Select(p => p.Name));
        Assert.Contains(sbom.Warnings, w => w.StartsWith("/var/lib/dpkg/status: paragraph at line 1", StringComparison.Ordinal));
    }
}
