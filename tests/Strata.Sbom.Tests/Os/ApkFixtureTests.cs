using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;

namespace Strata.Sbom.Tests.Os;

/// <summary>Every apk database of the shared fixtures (pkgdb/os/apk), read as /lib/apk/db/installed.</summary>
public sealed class ApkFixtureTests
{
    private const string Installed = "lib/apk/db/installed";

    private static readonly OsInfo Alpine = new("alpine", "3.18.0", "Alpine Linux v3.18", null);

    private static CatalogRun Run(string fixture, OsInfo? os = null) =>
        CatalogRun.Of(new ApkCataloger(), os ?? Alpine, CatalogRun.Fixture("apk/" + fixture, Installed));

    [Fact]
    public void Installed_gives_fifteen_packages_with_origin_licence_and_purl()
    {
        var run = Run("installed");

        Assert.Empty(run.Warnings);
        Assert.Equal(15, run.Packages.Count);
        var musl = run.Single("musl");
        Assert.Equal(("1.2.4-r0", "x86_64", "musl", "1.2.4-r0"), (musl.Version, musl.Architecture, musl.SourceName, musl.SourceVersion));
        Assert.Equal(["MIT"], musl.Licenses);
        Assert.Equal("pkg:apk/alpine/musl@1.2.4-r0?arch=x86_64&distro=alpine-3.18.0", musl.Purl);
        var ssl = run.Single("libssl3");
        Assert.Equal(("3.1.0-r4", "openssl"), (ssl.Version, ssl.SourceName));
        Assert.Equal(["Apache-2.0"], ssl.Licenses);
        Assert.Equal(["MPL-2.0 AND MIT"], run.Single("ca-certificates-bundle").Licenses);
        Assert.Equal("busybox", run.Single("ssl_client").SourceName);
        Assert.All(run.Packages, p => Assert.Equal(("apk", "/lib/apk/db/installed"), (p.Ecosystem, p.Locations.Single().Path)));
    }

    [Fact]
    public void Files_are_the_r_lines_in_their_f_folders()
    {
        var musl = Run("installed").Single("musl");

        Assert.Contains("/lib/ld-musl-x86_64.so.1", musl.Files);
        Assert.DoesNotContain("/lib", musl.Files);
        Assert.All(musl.Files, f => Assert.StartsWith("/", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Single_gives_one_package()
    {
        var run = Run("single");

        Assert.Empty(run.Warnings);
        var package = Assert.Single(run.Packages);
        Assert.Equal(("alpine-baselayout-data", "3.4.3-r1", "x86_64", "alpine-baselayout"), (package.Name, package.Version, package.Architecture, package.SourceName));
        Assert.Equal(["GPL-2.0-only"], package.Licenses);
        Assert.Contains("/etc/fstab", package.Files);
        Assert.Contains("/etc/shadow", package.Files);
    }

    [Fact]
    public void A_noarch_package_keeps_its_architecture()
    {
        var package = Assert.Single(Run("different-arch").Packages);

        Assert.Equal("noarch", package.Architecture);
        Assert.Equal("pkg:apk/alpine/alpine-baselayout-data@3.4.3-r1?arch=noarch&distro=alpine-3.18.0", package.Purl);
    }

    [Fact]
    public void Without_an_origin_the_source_is_the_package_itself()
    {
        var run = Run("no-origin");

        Assert.Empty(run.Warnings);
        var package = Assert.Single(run.Packages);
        Assert.Equal(("pkgname", "1.2.3", "pkgname", "1.2.3"), (package.Name, package.Version, package.SourceName, package.SourceVersion));
        Assert.Equal(["GPL-2.0-only"], package.Licenses);
    }

    [Fact]
    public void Text_that_is_no_apk_database_gives_warnings_naming_the_path_and_no_packages()
    {
        var run = Run("invalid");

        Assert.Empty(run.Packages);
        Assert.Equal(2, run.Warnings.Count);
        Assert.All(run.Warnings, w => Assert.StartsWith("/lib/apk/db/installed: entry at line ", w, StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_database_has_no_packages()
    {
        var run = Run("empty");

        Assert.Empty(run.Packages);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void A_package_without_version_is_skipped_and_named()
    {
        var run = CatalogRun.Of(new ApkCataloger(), Alpine, CatalogRun.File(Installed, "P:good\nV:1-r0\nA:x86_64\n\nP:bad\nA:x86_64\n"));

        Assert.Equal(["good"], run.Names);
        Assert.Equal("/lib/apk/db/installed: package 'bad' (line 5) has no V (version) line; skipped", Assert.Single(run.Warnings));
    }

    [Fact]
    public void The_layer_is_the_one_that_added_the_package()
    {
        var first = "P:musl\nV:1.2.4-r0\nA:x86_64\n";
        var run = CatalogRun.Of(
            new ApkCataloger(),
            Alpine,
            CatalogRun.File(Installed, first, layer: 0, visible: false),
            CatalogRun.File(Installed, first + "\nP:curl\nV:8.1.2-r0\nA:x86_64\n", layer: 2));

        Assert.Equal(0, run.Single("musl").Locations.Single().Layer);
        Assert.Equal(2, run.Single("curl").Locations.Single().Layer);
    }

    [Fact]
    public void The_database_is_also_read_under_usr_lib()
    {
        var run = CatalogRun.Of(new ApkCataloger(), Alpine, CatalogRun.Fixture("apk/single", "usr/lib/apk/db/installed"));

        Assert.Equal("/usr/lib/apk/db/installed", Assert.Single(run.Packages).Locations.Single().Path);
    }
}
