using Microsoft.Data.Sqlite;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;
using Strata.Sbom.Tests.Os;

namespace Strata.Sbom.Tests.Hostile;

/// <summary>
/// rpmdb.sqlite files a few KiB long whose Packages would make SQLite run for ever or build values of any size:
/// each is refused with a warning naming the file, quickly, and a real database beside it is still read.
/// </summary>
public sealed class HostileSqliteTests
{
    private const string Hostile = "var/lib/rpm/rpmdb.sqlite";
    private const string Real = "usr/lib/sysimage/rpm/rpmdb.sqlite";

    private static readonly OsInfo Fedora = new("fedora", "40", "Fedora Linux 40", null);

    /// <summary>A database made by running <paramref name="sql"/> on an empty one, or on a copy of <paramref name="start"/>.</summary>
    private static byte[] Database(string sql, byte[]? start = null)
    {
        var folder = Directory.CreateTempSubdirectory("strata-hostile-sqlite-");
        try
        {
            var path = Path.Combine(folder.FullName, "rpmdb.sqlite");
            if (start is not null)
            {
                File.WriteAllBytes(path, start);
            }
            using (var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
            {
                db.Open();
                using var command = db.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=DELETE; " + sql;
                command.ExecuteNonQuery();
            }
            return File.ReadAllBytes(path);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<CatalogRun> BesideARealDatabaseAsync(byte[] hostile)
    {
        var real = await RealRpmDatabase.GetAsync(TestContext.Current.CancellationToken);
        return Bounded.Run(
            () => CatalogRun.Of(new RpmCataloger(), Fedora, CatalogRun.File(Hostile, hostile), CatalogRun.File(Real, real.Sqlite)),
            200 * Bounded.MiB);
    }

    [Fact]
    public async Task A_view_of_three_million_rows_is_refused()
    {
        var hostile = Database("""
            CREATE VIEW Packages AS
              WITH RECURSIVE n(hnum) AS (SELECT 1 UNION ALL SELECT hnum + 1 FROM n WHERE hnum < 3000000)
              SELECT hnum, zeroblob(64) AS blob FROM n;
            """);
        Assert.True(hostile.Length <= 8192);

        var run = await BesideARealDatabaseAsync(hostile);

        Assert.Equal(["big", "tiny"], run.Names.Order(StringComparer.Ordinal));
        Assert.Equal("/var/lib/rpm/rpmdb.sqlite: Packages is a view, not a table; no packages read", Assert.Single(run.Warnings));
    }

    [Fact]
    public async Task A_view_of_generated_gigabyte_blobs_is_refused()
    {
        var hostile = Database("""
            CREATE VIEW Packages AS
              SELECT 1 AS hnum, zeroblob(1000000000) AS blob UNION ALL SELECT 2, randomblob(1000000000);
            """);

        var run = await BesideARealDatabaseAsync(hostile);

        Assert.Equal(["big", "tiny"], run.Names.Order(StringComparer.Ordinal));
        Assert.Equal("/var/lib/rpm/rpmdb.sqlite: Packages is a view, not a table; no packages read", Assert.Single(run.Warnings));
    }

    [Fact]
    public async Task A_table_whose_blob_column_is_computed_is_refused()
    {
        var hostile = Database("""
            CREATE TABLE Packages (hnum INTEGER PRIMARY KEY, blob BLOB AS (zeroblob(1000000000)) VIRTUAL);
            INSERT INTO Packages (hnum) VALUES (1), (2);
            """);

        var run = await BesideARealDatabaseAsync(hostile);

        Assert.Equal(["big", "tiny"], run.Names.Order(StringComparer.Ordinal));
        Assert.Equal("/var/lib/rpm/rpmdb.sqlite: Packages column 'blob' is computed, not stored; no packages read", Assert.Single(run.Warnings));
    }

    [Fact]
    public async Task Rows_past_the_limit_are_not_read_and_broken_headers_are_counted_not_each_named()
    {
        var real = await RealRpmDatabase.GetAsync(TestContext.Current.CancellationToken);
        // The real packages keep the first numbers; 150,000 one-byte rows follow them.
        var hostile = Database(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000) INSERT INTO Packages (blob) SELECT x'00' FROM n;",
            real.Sqlite);

        var run = Bounded.Run(() => CatalogRun.Of(new RpmCataloger(), Fedora, CatalogRun.File(Hostile, hostile)), 400 * Bounded.MiB);

        Assert.Equal(["big", "tiny"], run.Names.Order(StringComparer.Ordinal));
        Assert.Equal(12, run.Warnings.Count);
        Assert.Equal("/var/lib/rpm/rpmdb.sqlite: more than 100000 packages; read the first 100000", run.Warnings[0]);
        Assert.All(run.Warnings.Skip(1).Take(10), w => Assert.Matches("^/var/lib/rpm/rpmdb.sqlite: header [0-9]+ of 100000: .*; skipped$", w));
        Assert.Equal("/var/lib/rpm/rpmdb.sqlite: 99988 more unreadable headers skipped", run.Warnings[^1]);
    }
}
