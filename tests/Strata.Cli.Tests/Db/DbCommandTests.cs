using System.Text.Json;
using Microsoft.Data.Sqlite;
using Strata.TestKit;
using Strata.Vulnerabilities.Store;
using Strata.Vulnerabilities.Tests.Store;

namespace Strata.Cli.Tests.Db;

/// <summary><c>strata db import</c> and <c>strata db status</c>, with the conventions every command follows.</summary>
public sealed class DbCommandTests
{
    [Fact]
    public async Task Import_then_status_counts_the_records_of_each_ecosystem_as_the_files_name_them()
    {
        using var work = new TempDirectory();
        var environment = new Dictionary<string, string> { ["STRATA_CACHE_DIR"] = work.File("cache") };

        var import = await CliRunner.RunAsync(["db", "import", SharedAdvisories.Folder], environment);
        var status = await CliRunner.RunAsync(["db", "status", "--format", "json", "-o", "-"], environment);

        CliAssert.ExitCode(0, import);
        Assert.Contains($"Imported {SharedAdvisories.Files.Count} records into {work.File("cache/osv/osv.sqlite")}", import.Out, StringComparison.Ordinal);
        CliAssert.ExitCode(0, status);
        using var json = JsonDocument.Parse(status.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(work.File("cache/osv/osv.sqlite"), root.GetProperty("path").GetString());
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(new FileInfo(work.File("cache/osv/osv.sqlite")).Length, root.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(SharedAdvisories.Files.Count, root.GetProperty("records").GetInt64());
        var expected = SharedAdvisories.Packages().GroupBy(p => p.Key.Base)
            .ToDictionary(g => g.Key, g => (long)g.SelectMany(p => p.Value).Distinct().Count());
        var actual = root.GetProperty("ecosystems").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("records").GetInt64());
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(6, actual["npm"]);
        Assert.All(root.GetProperty("ecosystems").EnumerateArray(), e => Assert.Equal(SharedAdvisories.Folder, e.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task Status_table_shows_the_file_and_a_line_per_ecosystem_and_quiet_leaves_out_the_header()
    {
        using var work = new TempDirectory();
        var database = work.File("osv.sqlite");
        CliAssert.ExitCode(0, await CliRunner.RunAsync(["db", "import", "--db", database, SharedAdvisories.Folder, "-q"]));

        var loud = await CliRunner.RunAsync(["db", "status", "--db", database]);
        var quiet = await CliRunner.RunAsync(["db", "status", "--db", database, "-q", "-o", "status.txt"], workingDirectory: work.Path);

        CliAssert.ExitCode(0, loud);
        Assert.Contains($"Database: {database} (", loud.Out, StringComparison.Ordinal);
        Assert.Contains("schema version 1", loud.Out, StringComparison.Ordinal);
        var lines = loud.Out.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Contains(lines, l => l is ["npm", "6", _, _, _, ..]);
        Assert.Contains(lines, l => l is ["Debian", "1", _, _, _, ..]);
        CliAssert.ExitCode(0, quiet);
        var file = await File.ReadAllTextAsync(work.File("status.txt"), TestContext.Current.CancellationToken);
        Assert.StartsWith("ECOSYSTEM", file, StringComparison.Ordinal);
        Assert.DoesNotContain("Database:", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_record_is_a_warning_by_default_and_an_error_with_strict()
    {
        using var work = new TempDirectory();
        var folder = Directory.CreateDirectory(work.File("records")).FullName;
        File.Copy(Path.Combine(SharedAdvisories.Folder, "DSA-3029-1.json"), Path.Combine(folder, "DSA-3029-1.json"));
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"), "{\"id\": \"X-1\", \"modified\": \"yesterday\"}", TestContext.Current.CancellationToken);
        var database = work.File("osv.sqlite");

        var strict = await CliRunner.RunAsync(["db", "import", "--db", database, "records", "--strict"], workingDirectory: work.Path);
        var lenient = await CliRunner.RunAsync(["db", "import", "--db", database, "records"], workingDirectory: work.Path);

        BadInputAssert.Rejected(strict, "records/broken.json (X-1): field 'modified' is not an RFC 3339 time");
        BadInputAssert.Accepted(lenient);
        Assert.Contains("warning: records/broken.json (X-1): field 'modified'", lenient.Error, StringComparison.Ordinal);
        Assert.Contains("1 added, 0 replaced, 1 malformed, skipped", lenient.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_of_another_schema_version_is_refused_until_imported_again()
    {
        using var work = new TempDirectory();
        var database = work.File("osv.sqlite");
        CliAssert.ExitCode(0, await CliRunner.RunAsync(["db", "import", "--db", database, SharedAdvisories.Folder]));
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 7";
            command.ExecuteNonQuery();
        }

        var refused = await CliRunner.RunAsync(["db", "status", "--db", database]);
        var imported = await CliRunner.RunAsync(["db", "import", "--db", database, SharedAdvisories.Folder]);
        var status = await CliRunner.RunAsync(["db", "status", "--db", database, "-f", "json"]);

        BadInputAssert.Rejected(refused, database, "schema version 7", "strata db update", "strata db import");
        CliAssert.ExitCode(0, imported);
        CliAssert.ExitCode(0, status);
        using var json = JsonDocument.Parse(status.StandardOutput);
        Assert.Equal(SharedAdvisories.Files.Count, json.RootElement.GetProperty("records").GetInt64());
    }

    [Fact]
    public async Task Status_without_a_database_says_how_to_make_one()
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(["db", "status", "--db", "none.sqlite"], workingDirectory: work.Path);

        BadInputAssert.Rejected(result, work.File("none.sqlite"), "strata db update");
    }

    [Fact]
    public async Task An_unknown_status_format_is_named_with_the_choices()
    {
        var result = await CliRunner.RunAsync(["db", "status", "--format", "yaml"]);

        BadInputAssert.Rejected(result, "--format", "'yaml'", "table, json");
    }
}
