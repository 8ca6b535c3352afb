using Strata.Sbom.Catalogers;
using Strata.Sbom.Catalogers.Rpm;
using Strata.Sbom.Model;

namespace Strata.Sbom.Tests.Os;

/// <summary>Real rpm databases of each backend (<see cref="RealRpmDatabase"/>): SQLite, Berkeley DB and NDB.</summary>
public sealed class RpmBackendTests
{
    private static readonly OsInfo Fedora = new("fedora", "40", "Fedora Linux 40", null);

    private static void AssertTheTwoPackages(CatalogRun run, string path)
    {
        Assert.Empty(run.Warnings);
        Assert.Equal(["big", "tiny"], run.Names.Order(StringComparer.Ordinal));
        var tiny = run.Single("tiny");
        Assert.Equal(("2:1.2-3.fc40", "noarch", "tiny", "1.2-3.fc40"), (tiny.Version, tiny.Architecture, tiny.SourceName, tiny.SourceVersion));
        Assert.Equal(["MIT AND Apache-2.0"], tiny.Licenses);
        Assert.Equal("pkg:rpm/fedora/tiny@1.2-3.fc40?arch=noarch&distro=fedora-40&epoch=2", tiny.Purl);
        Assert.Equal(["/usr/share/tiny/hello.txt", "/usr/share/tiny/other.txt"], tiny.Files);
        var big = run.Single("big");
        Assert.Equal("0.1-1", big.Version);
        Assert.Equal(["GPL-2.0-or-later"], big.Licenses);
        Assert.Equal(RealRpmDatabase.BigFiles, big.Files.Count);
        Assert.Contains("/usr/share/big/file-with-a-long-name-number-42.txt", big.Files);
        Assert.Equal($"pkg:rpm/fedora/big@0.1-1?arch={big.Architecture}&distro=fedora-40", big.Purl);
        Assert.All(run.Packages, p => Assert.Equal("/" + path, p.Locations.Single().Path));
    }

    [Fact]
    public async Task Sqlite_database_written_by_rpm()
    {
        var db = await RealRpmDatabase.GetAsync(TestContext.Current.CancellationToken);

        var run = CatalogRun.Of(new RpmCataloger(), Fedora, CatalogRun.File("usr/lib/sysimage/rpm/rpmdb.sqlite", db.Sqlite));

        AssertTheTwoPackages(run, "usr/lib/sysimage/rpm/rpmdb.sqlite");
    }

    [Theory]
    [InlineData(4096, 1234)]
    [InlineData(4096, 4321)]
    [InlineData(512, 1234)]
    [InlineData(65536, 1234)]
    public async Task Berkeley_db_hash_database_written_by_db_load(int pageSize, int byteOrder)
    {
        var db = await RealRpmDatabase.GetAsync(TestContext.Current.CancellationToken);
        var packages = await db.BerkeleyDbAsync(pageSize, byteOrder, TestContext.Current.CancellationToken);

        var run = CatalogRun.Of(new RpmCataloger(), Fedora, CatalogRun.File("var/lib/rpm/Packages", packages));

        AssertTheTwoPackages(run, "var/lib/rpm/Packages");
    }

    [Fact]
    public async Task Ndb_database()
    {
        var db = await RealRpmDatabase.GetAsync(TestContext.Current.CancellationToken);

        var run = CatalogRun.Of(new RpmCataloger(), Fedora, CatalogRun.File("usr/lib/sysimage/rpm/Packages.db", Ndb.Write(db.Headers)));

        AssertTheTwoPackages(run, "usr/lib/sysimage/rpm/Packages.db");
    }

    [Fact]
    public async Task A_broken_ndb_slot_gives_a_warning_and_no_crash()
    {
        var db = await RealRpmDatabase.GetAsync(TestContext.Current.CancellationToken);
        var file = Ndb.Write(db.Headers);
        file[48] = (byte)'X';

        var run = CatalogRun.Of(new RpmCataloger(), Fedora, CatalogRun.File("usr/lib/sysimage/rpm/Packages.db", file));

        Assert.Empty(run.Packages);
        Assert.StartsWith("/usr/lib/sysimage/rpm/Packages.db: slot at byte 48", Assert.Single(run.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_sqlite_database_gives_a_warning_and_no_crash()
    {
        var db = await RealRpmDatabase.GetAsync(TestContext.Current.CancellationToken);
        var file = db.Sqlite[..4096];

        var run = CatalogRun.Of(new RpmCataloger(), Fedora, CatalogRun.File("var/lib/rpm/rpmdb.sqlite", file));

        Assert.Empty(run.Packages);
        Assert.StartsWith("/var/lib/rpm/rpmdb.sqlite: ", Assert.Single(run.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_current_backend_is_read_when_a_stale_one_stays_beside_it()
    {
        var db = await RealRpmDatabase.GetAsync(TestContext.Current.CancellationToken);
        var stale = File.ReadAllBytes(Path.Combine(Strata.TestKit.Fixtures.Shared, "pkgdb", "os", "rpm", "Packages_epoch"));

        var run = CatalogRun.Of(
            new RpmCataloger(),
            Fedora,
            CatalogRun.File("var/lib/rpm/Packages", stale),
            CatalogRun.File("var/lib/rpm/rpmdb.sqlite", db.Sqlite));

        Assert.Equal(["big", "tiny"], run.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_layer_is_the_one_whose_database_first_held_the_package()
    {
        var db = await RealRpmDatabase.GetAsync(TestContext.Current.CancellationToken);
        var tinyOnly = Ndb.Write([.. db.Headers.Where(h => RpmHeader.Parse(h).Name == "tiny")]);

        var run = CatalogRun.Of(
            new RpmCataloger(),
            Fedora,
            CatalogRun.File("var/lib/rpm/Packages.db", tinyOnly, layer: 0, visible: false),
            CatalogRun.File("var/lib/rpm/Packages.db", Ndb.Write(db.Headers), layer: 1));

        Assert.Equal(0, run.Single("tiny").Locations.Single().Layer);
        Assert.Equal(1, run.Single("big").Locations.Single().Layer);
    }
}
