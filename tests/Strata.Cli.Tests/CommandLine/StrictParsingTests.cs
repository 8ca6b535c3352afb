using Strata.TestKit;

namespace Strata.Cli.Tests.CommandLine;

/// <summary>An option or argument Strata does not know is an error with exit 2, never silently ignored.</summary>
public sealed class StrictParsingTests
{
    private const string Image = "oci:examples/wasteful-mini";

    private static Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(args, workingDirectory: Fixtures.RepositoryRoot);

    private static string ErrorLine(CliResult result)
    {
        CliAssert.ExitCode(2, result);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("strata: error: ", lines[0], StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput);
        return lines[0];
    }

    [Fact]
    public async Task An_unknown_option_is_an_error_pointing_at_the_commands_help()
    {
        var line = ErrorLine(await Run("analyze", Image, "--no-such-option"));

        Assert.Equal("strata: error: unknown option '--no-such-option' (see 'strata analyze --help')", line);
    }

    [Theory]
    [InlineData("analyze", "--topp", "--top")]
    [InlineData("analyze", "--sbom-fromat", "--sbom-format")]
    [InlineData("inspect", "--jsn", "--json")]
    [InlineData("sbom", "--formt", "--format")]
    public async Task A_misspelt_option_gets_a_suggestion(string command, string typed, string meant)
    {
        var line = ErrorLine(await Run(command, Image, typed, "x"));

        Assert.Contains($"unknown option '{typed}'; did you mean '{meant}'?", line, StringComparison.Ordinal);
        Assert.EndsWith($"(see 'strata {command} --help')", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_subcommand_gets_a_suggestion()
    {
        var line = ErrorLine(await Run("cache", "prnue"));

        Assert.Equal("strata: error: unknown command 'prnue'; did you mean 'prune'? (see 'strata cache --help')", line);
    }

    [Fact]
    public async Task An_extra_argument_is_an_error()
    {
        var line = ErrorLine(await Run("inspect", Image, "surplus"));

        Assert.Equal("strata: error: unexpected argument 'surplus' (see 'strata inspect --help')", line);
    }

    [Fact]
    public async Task An_unknown_option_of_cache_prune_removes_nothing()
    {
        using var cache = new TempDirectory();
        var blob = CacheContent.Add(cache.Path, "kept");

        var line = ErrorLine(await CliRunner.RunAsync(["cache", "prune", "--all", "--dryrun", "--cache-dir", cache.Path]));

        Assert.Contains("did you mean '--dry-run'?", line, StringComparison.Ordinal);
        Assert.True(File.Exists(blob));
    }

    [Theory]
    [InlineData("-j")]
    [InlineData("--json")]
    [InlineData("-o")]
    public async Task A_dash_after_an_option_taking_a_file_means_standard_output(string option)
    {
        var args = option == "-o" ? new[] { "analyze", Image, "-f", "json", "-o", "-" } : ["analyze", Image, option, "-"];

        var result = await Run(args);

        CliAssert.ExitCode(0, result);
        Assert.StartsWith("{", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }
}
