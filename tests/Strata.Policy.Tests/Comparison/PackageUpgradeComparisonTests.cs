using System.Text;
using Strata.Policy.Comparison;
using Strata.Policy.Policies;
using Strata.TestKit;
using Strata.Vulnerabilities.Matching;
using Strata.Vulnerabilities.Osv;

namespace Strata.Policy.Tests.Comparison;

/// <summary>
/// Two builds of one image, made by hand: the same base layer, then a layer that installs one package at two
/// versions. Everything expected is what the test put in the layers.
/// </summary>
public sealed class PackageUpgradeComparisonTests
{
    private static OciImageBuilder Build(string helloVersion, string binary) => new OciImageBuilder()
        .Layer(new LayerBuilder()
                .Directory("etc")
                .File("etc/os-release", HandBuiltImages.DebianRelease)
                .Directory("bin")
                .File("bin/sh", "#!not a shell\n", (UnixFileMode)0x1ED),
            "ADD rootfs.tar /")
        .Layer(new LayerBuilder()
                .Directory("var")
                .Directory("var/lib")
                .Directory("var/lib/dpkg")
                .File("var/lib/dpkg/status", HandBuiltImages.DpkgStatus(("base-files", "12.4+deb12u5"), ("hello", helloVersion)))
                .Directory("usr")
                .Directory("usr/bin")
                .File("usr/bin/hello", binary, (UnixFileMode)0x1ED),
            $"RUN apt-get install -y hello={helloVersion}");

    [Fact]
    public async Task Two_builds_differing_in_one_package_show_exactly_that_upgrade_the_shared_base_and_the_changed_files()
    {
        using var images = new HandBuiltImages();
        // Same-length versions and binaries: the status file and the binary keep their sizes, only their bytes differ.
        var before = await images.AssessAsync(Build("2.10-2", "hello 2.10-2\n"));
        var after = await images.AssessAsync(Build("2.10-3", "hello 2.10-3\n"));

        var comparison = ImageComparer.Compare(before, after, PolicySet.Default);

        Assert.Equal([new PackageVersionChange("dpkg", "hello", "2.10-2", "2.10-3")], comparison.Packages.Upgraded);
        Assert.Empty(comparison.Packages.Added);
        Assert.Empty(comparison.Packages.Removed);
        Assert.Empty(comparison.Packages.Downgraded);

        Assert.Equal(1, comparison.Layers.Shared);
        var divergence = Assert.IsType<LayerDivergence>(comparison.Layers.FirstDifferent);
        Assert.Equal(1, divergence.Index);
        Assert.Equal("RUN apt-get install -y hello=2.10-2", divergence.Before?.CreatedBy);
        Assert.Equal("RUN apt-get install -y hello=2.10-3", divergence.After?.CreatedBy);

        Assert.Empty(comparison.Files.Added);
        Assert.Empty(comparison.Files.Removed);
        Assert.Equal(["usr/bin/hello", "var/lib/dpkg/status"], comparison.Files.Changed.Select(c => c.Path));
        Assert.All(comparison.Files.Changed, c => Assert.Equal(["content"], c.Differences));
        Assert.Equal(Encoding.UTF8.GetByteCount("hello 2.10-3\n"), comparison.Files.Changed[0].SizeAfter);

        Assert.Null(comparison.Vulnerabilities);
        Assert.DoesNotContain(ComparisonKinds.Package, comparison.Worse);
    }

    [Fact]
    public async Task The_same_builds_the_other_way_round_are_a_downgrade_and_package_got_worse()
    {
        using var images = new HandBuiltImages();
        var newer = await images.AssessAsync(Build("2.10-3", "hello 2.10-3\n"));
        var older = await images.AssessAsync(Build("2.10-2", "hello 2.10-2\n"));

        var comparison = ImageComparer.Compare(newer, older, PolicySet.Default);

        Assert.Equal([new PackageVersionChange("dpkg", "hello", "2.10-3", "2.10-2")], comparison.Packages.Downgraded);
        Assert.Empty(comparison.Packages.Upgraded);
        Assert.Contains(ComparisonKinds.Package, comparison.Worse);
    }

    /// <summary>
    /// Debian policy (5.6.12, Version): the epoch before the colon outranks the rest, and digit runs compare as
    /// numbers. Ordinal string order gets both of these wrong, so they show the ecosystem's comparer is used.
    /// </summary>
    [Theory]
    [InlineData("2.0-1", "1:1.0-1", true)]
    [InlineData("1.9-1", "1.10-1", true)]
    [InlineData("1.10-1", "1.9-1", false)]
    public async Task Versions_are_ordered_as_Debian_orders_them(string from, string to, bool upgrade)
    {
        using var images = new HandBuiltImages();
        var before = await images.AssessAsync(Build(from, "hello\n"));
        var after = await images.AssessAsync(Build(to, "hello\n"));

        var packages = ImageComparer.Compare(before, after, PolicySet.Default).Packages;

        var expected = new PackageVersionChange("dpkg", "hello", from, to);
        Assert.Equal(upgrade ? [expected] : [], packages.Upgraded);
        Assert.Equal(upgrade ? [] : [expected], packages.Downgraded);
    }

    [Fact]
    public async Task With_a_database_the_upgrade_fixes_the_advisory_the_older_version_has_and_the_downgrade_introduces_it()
    {
        // An OSV record written here: hello in Debian 12 is vulnerable before 2.10-3.
        var record = OsvParser.Parse(Encoding.UTF8.GetBytes("""
            {"id": "DSA-9999-1", "modified": "2026-01-01T00:00:00Z", "aliases": ["CVE-2099-0001"],
             "affected": [{"package": {"ecosystem": "Debian:12", "name": "hello"},
                           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.10-3"}]}]}]}
            """), "test");
        var advisories = new InMemoryAdvisories([record]);
        using var images = new HandBuiltImages();
        var older = await images.AssessAsync(Build("2.10-2", "hello 2.10-2\n"), advisories);
        var newer = await images.AssessAsync(Build("2.10-3", "hello 2.10-3\n"), advisories);

        var upgrade = ImageComparer.Compare(older, newer, PolicySet.Default).Vulnerabilities;
        var downgrade = ImageComparer.Compare(newer, older, PolicySet.Default);

        Assert.NotNull(upgrade);
        var fixedOne = Assert.Single(upgrade.Fixed);
        Assert.Equal(("hello", "2.10-2"), (fixedOne.Package, fixedOne.Version));
        Assert.Contains(fixedOne.Id, new[] { "DSA-9999-1", "CVE-2099-0001" });
        Assert.Empty(upgrade.Introduced);
        Assert.Single(downgrade.Vulnerabilities!.Introduced);
        Assert.Empty(downgrade.Vulnerabilities.Fixed);
        Assert.Contains(ComparisonKinds.Vulnerability, downgrade.Worse);
    }
}
