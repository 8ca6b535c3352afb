using Microsoft.Data.Sqlite;
using Strata.Images;
using Strata.TestKit;
using Strata.Vulnerabilities.Store;

namespace Strata.Vulnerabilities.Tests.Store;

public sealed class SchemaVersionTests
{
    private static void Import(string database) =>
        AdvisoryImport.Import(database, [(SharedAdvisories.Folder, "advisories")], new ImportOptions(), CancellationToken.None);

    private static void Sql(string database, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void A_database_of_another_schema_version_is_refused_with_the_commands_that_rebuild_it()
    {
        using var work = new TempDirectory();
        var database = work.File("osv.sqlite");
        Import(database);
        Sql(database, "PRAGMA user_version = 99");

        var error = Assert.Throws<StrataException>(() => AdvisoryStore.Open(database));

        Assert.StartsWith(database, error.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("strata db update", error.Message, StringComparison.Ordinal);
        Assert.Contains("strata db import", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Importing_over_another_schema_version_builds_the_database_anew()
    {
        using var work = new TempDirectory();
        var database = work.File("osv.sqlite");
        Import(database);
        Sql(database, "PRAGMA user_version = 0");

        Import(database);

        using var store = AdvisoryStore.Open(database);
        Assert.Equal(4, store.Find("npm", "lodash").Count);
    }

    [Fact]
    public void A_missing_database_names_the_path_and_how_to_make_one()
    {
        using var work = new TempDirectory();

        var error = Assert.Throws<StrataException>(() => AdvisoryStore.Open(work.File("none.sqlite")));

        Assert.Equal($"{work.File("none.sqlite")}: no advisory database there; run 'strata db update' (or 'strata db import PATH') first", error.Message);
    }

    [Fact]
    public void Another_programs_SQLite_file_is_neither_read_nor_replaced()
    {
        using var work = new TempDirectory();
        var database = work.File("other.sqlite");
        Sql(database, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')");
        var before = File.ReadAllBytes(database);

        var open = Assert.Throws<StrataException>(() => AdvisoryStore.Open(database));
        var import = Assert.Throws<StrataException>(() => Import(database));

        Assert.Equal($"{database}: not a Strata advisory database", open.Message);
        Assert.Contains("not a Strata advisory database; refusing to replace it", import.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(database));
    }

    [Fact]
    public void A_file_that_is_not_SQLite_is_refused_by_name()
    {
        using var work = new TempDirectory();
        var database = work.File("osv.sqlite");
        File.WriteAllText(database, "{\"this\": \"is json\"}");

        var error = Assert.Throws<StrataException>(() => AdvisoryStore.Open(database));

        Assert.Equal($"{database}: not a Strata advisory database", error.Message);
    }
}
