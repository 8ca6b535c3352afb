using Strata.Sbom.Catalogers;

namespace Strata.Sbom.Tests.Os;

/// <summary>Databases with bytes changed at random: the catalogers warn and go on, they never throw.</summary>
public sealed class DamagedDatabaseTests
{
    private static byte[] Damage(byte[] original, int seed, int changes)
    {
        var random = new Random(seed);
        var copy = (byte[])original.Clone();
        for (var i = 0; i < changes; i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }
        return seed % 7 == 0 ? copy[..random.Next(copy.Length)] : copy;
    }

    private static void AssertNoThrow(IPackageCataloger cataloger, string path, byte[] original)
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var damaged = Damage(original, seed, 1 + (seed % 20));
            var run = CatalogRun.Of(cataloger, CatalogRun.Debian12, CatalogRun.File(path, damaged));
            Assert.All(run.Warnings, w => Assert.StartsWith("/" + path + ": ", w, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Berkeley_db_database()
    {
        AssertNoThrow(new RpmCataloger(), "var/lib/rpm/Packages", File.ReadAllBytes(Path.Combine(Strata.TestKit.Fixtures.Shared, "pkgdb", "os", "rpm", "Packages_epoch")));
    }

    [Fact]
    public async Task Ndb_database()
    {
        var db = await RealRpmDatabase.GetAsync(TestContext.Current.CancellationToken);

        AssertNoThrow(new RpmCataloger(), "usr/lib/sysimage/rpm/Packages.db", Ndb.Write(db.Headers));
    }

    [Fact]
    public async Task Sqlite_database()
    {
        var db = await RealRpmDatabase.GetAsync(TestContext.Current.CancellationToken);
        var original = db.Sqlite;
        for (var seed = 0; seed < 20; seed++)
        {
            var run = CatalogRun.Of(new RpmCataloger(), null, CatalogRun.File("var/lib/rpm/rpmdb.sqlite", Damage(original, seed, 50)));
            Assert.All(run.Warnings, w => Assert.StartsWith("/var/lib/rpm/rpmdb.sqlite: ", w, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Dpkg_status()
    {
        AssertNoThrow(new DpkgCataloger(), "var/lib/dpkg/status", File.ReadAllBytes(Path.Combine(Strata.TestKit.Fixtures.Shared, "pkgdb", "os", "dpkg", "dpkg", "valid")));
    }

    [Fact]
    public void Apk_database()
    {
        AssertNoThrow(new ApkCataloger(), "lib/apk/db/installed", File.ReadAllBytes(Path.Combine(Strata.TestKit.Fixtures.Shared, "pkgdb", "os", "apk", "installed")));
    }
}
