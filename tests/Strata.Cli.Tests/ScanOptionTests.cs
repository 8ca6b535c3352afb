using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>
/// strata scan's options: every bad value is a one-line error naming the option, exit 2, found before any image or
/// database is read; and a missing database says how to get one. None of these needs a database.
/// </summary>
public sealed class ScanOptionTests
{
    private static readonly string Wasteful = $"oci:{Fixtures.OciLayout}:wasteful";

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData("--severity", "severe", "'severe'")]
    [InlineData("--severity", "high,,low", "''")]
    [InlineData("--format", "yaml", "'yaml'")]
    [InlineData("--exit-code", "abc", "'abc'")]
    [InlineData("--exit-code", "256", "'256'")]
    [InlineData("--exit-code", "-1", "'-1'")]
    [InlineData("--base-layers", "two", "'two'")]
    [InlineData("--base-layers", "-3", "'-3'")]
    [InlineData("--dockerfile", "no-such-Dockerfile", "no-such-Dockerfile")]
    [InlineData("--vex", "no-such.vex.json", "no-such.vex.json")]
    [InlineData("--db", "no-such.sqlite", "strata db update")]
    public async Task A_bad_value_names_the_option(string option, string value, string quoted)
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(["scan", Wasteful, option, value], workingDirectory: work.Path);

        BadInputAssert.Rejected(result, option, quoted);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_missing_database_says_to_run_db_update_or_db_import()
    {
        using var cache = new TempDirectory();

        var result = await CliRunner.RunAsync(["scan", Wasteful], new Dictionary<string, string> { ["STRATA_CACHE_DIR"] = cache.Path });

        BadInputAssert.Rejected(result, "strata db update", "strata db import", Path.Combine(cache.Path, "osv", "osv.sqlite"));
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task The_cache_dir_option_moves_the_default_database()
    {
        using var cache = new TempDirectory();

        var result = await CliRunner.RunAsync(["scan", Wasteful, "--cache-dir", cache.Path], new Dictionary<string, string> { ["STRATA_CACHE_DIR"] = "/nonexistent" });

        BadInputAssert.Rejected(result, Path.Combine(cache.Path, "osv", "osv.sqlite"));
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_missing_sbom_file_is_named()
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(["scan", "sbom:missing.cdx.json"], workingDirectory: work.Path);

        BadInputAssert.Rejected(result, "missing.cdx.json", "no such SBOM file");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_mistyped_option_is_a_usage_error_with_a_suggestion()
    {
        var result = await CliRunner.RunAsync(["scan", Wasteful, "--severty", "high"]);

        BadInputAssert.Rejected(result, "'--severty'", "did you mean '--severity'?");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_dockerfile_past_a_mebibyte_is_refused_without_reading_it_whole()
    {
        using var work = new TempDirectory();
        await using (var file = File.Create(work.File("Dockerfile")))
        {
            file.SetLength((1 << 20) + 1);
        }

        var result = await CliRunner.RunAsync(["scan", Wasteful, "--dockerfile", "Dockerfile"], workingDirectory: work.Path);

        BadInputAssert.Rejected(result, "--dockerfile", "1 MiB");
    }
}
