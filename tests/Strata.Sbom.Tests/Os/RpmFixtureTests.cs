using Strata.Sbom.Catalogers;
using Strata.Sbom.Catalogers.Rpm;
using Strata.Sbom.Model;

namespace Strata.Sbom.Tests.Os;

/// <summary>The Berkeley DB rpm database of the shared fixtures (pkgdb/os/rpm/Packages_epoch), whole and broken. It
/// holds one package, hello; dive's header is still in a freed page, which is not read.</summary>
public sealed class RpmFixtureTests
{
    private const string Packages = "var/lib/rpm/Packages";

    private static readonly OsInfo Rhel = new("rhel", "9.4", "Red Hat Enterprise Linux 9.4 (Plow)", null);

    private static byte[] Fixture() => File.ReadAllBytes(Path.Combine(Strata.TestKit.Fixtures.Shared, "pkgdb", "os", "rpm", "Packages_epoch"));

    [Fact]
    public void Packages_epoch_holds_hello_with_its_epoch_and_no_trace_of_the_deleted_dive()
    {
        var run = CatalogRun.Of(new RpmCataloger(), Rhel, CatalogRun.File(Packages, Fixture()));

        Assert.Empty(run.Warnings);
        var hello = Assert.Single(run.Packages);
        Assert.Equal(("rpm", "hello", "1:0.0.1-rls", "x86_64"), (hello.Ecosystem, hello.Name, hello.Version, hello.Architecture));
        Assert.Equal(("hello", "0.0.1-rls"), (hello.SourceName, hello.SourceVersion));
        Assert.Equal("pkg:rpm/rhel/hello@0.0.1-rls?arch=x86_64&distro=rhel-9.4&epoch=1", hello.Purl);
        Assert.Equal(["/usr/bin/hello.sh"], hello.Files);
        Assert.Equal(["GPL"], hello.Licenses);
        Assert.Equal(("/var/lib/rpm/Packages", 0), (hello.Locations.Single().Path, hello.Locations.Single().Layer));
    }

    [Fact]
    public void The_raw_reader_finds_the_counter_under_key_zero_and_one_package()
    {
        var items = BerkeleyDbHash.Items(Fixture());

        Assert.Equal(2, items.Count);
        Assert.Equal([0, 0, 0, 0], items[0].Key);
        Assert.Equal(4, items[0].Value.Length);
        Assert.Equal(2124, items[1].Value.Length);
    }

    [Fact]
    public void A_database_cut_short_gives_a_warning_naming_the_path_and_no_crash()
    {
        var cut = Fixture()[..8192];

        var run = CatalogRun.Of(new RpmCataloger(), Rhel, CatalogRun.File(Packages, cut));

        Assert.Empty(run.Packages);
        Assert.StartsWith("/var/lib/rpm/Packages: ", Assert.Single(run.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_header_is_skipped_with_a_warning()
    {
        var file = Fixture();
        var header = BerkeleyDbHash.Items(file)[1].Value;
        // Damage the header's entry count where it lies in the file: it claims far more entries than it has.
        var at = file.AsSpan().IndexOf(header.AsSpan(0, 16));
        file[at] = 0x7F;

        var run = CatalogRun.Of(new RpmCataloger(), Rhel, CatalogRun.File(Packages, file));

        Assert.Empty(run.Packages);
        Assert.Matches("^/var/lib/rpm/Packages: header 1 of 1: header claims .*; skipped$", Assert.Single(run.Warnings));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a database at all, just some text that is long enough")]
    public void A_file_of_no_known_backend_gives_a_warning(string content)
    {
        var run = CatalogRun.Of(new RpmCataloger(), Rhel, CatalogRun.File(Packages, content));

        Assert.Empty(run.Packages);
        Assert.StartsWith("/var/lib/rpm/Packages: ", Assert.Single(run.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_os_the_namespace_comes_from_the_vendor_or_is_left_out()
    {
        var run = CatalogRun.Of(new RpmCataloger(), null, CatalogRun.File(Packages, Fixture()));

        Assert.Equal("pkg:rpm/hello@0.0.1-rls?arch=x86_64&epoch=1", run.Single("hello").Purl);
    }

    [Theory]
    [InlineData("glibc-2.34-100.el9.src.rpm", "glibc", "2.34-100.el9")]
    [InlineData("python3-requests-2.25.1-8.el9.src.rpm", "python3-requests", "2.25.1-8.el9")]
    [InlineData("kernel-5.14.0-1.nosrc.rpm", "kernel", "5.14.0-1")]
    public void Source_rpm_names_split_into_name_and_version(string file, string name, string version)
    {
        Assert.Equal((name, version), SourceRpm.Parse(file));
    }

    [Fact]
    public void The_cataloger_asks_for_every_backend_in_both_folders()
    {
        var rpm = new RpmCataloger();

        foreach (var folder in new[] { "var/lib/rpm/", "usr/lib/sysimage/rpm/" })
        {
            Assert.True(rpm.WantsPath(folder + "Packages"));
            Assert.True(rpm.WantsPath(folder + "Packages.db"));
            Assert.True(rpm.WantsPath(folder + "rpmdb.sqlite"));
            Assert.True(rpm.WantsPath(folder + "rpmdb.sqlite-wal"));
            Assert.False(rpm.WantsPath(folder + "Name"));
        }
        Assert.False(rpm.WantsPath("home/user/var/lib/rpm/Packages"));
    }
}
