using Strata.TestKit;

namespace Strata.Cli.Tests.Explore;

/// <summary>explore's command line: the shorthand, the refusal off a terminal, and -f/-o pointing at analyze.</summary>
public sealed class ExploreCommandLineTests
{
    private static readonly string Image = $"oci:{Fixtures.OciLayout}:wasteful";

    [Theory]
    [InlineData("explore")]
    [InlineData("")]
    public async Task Off_a_terminal_it_refuses_with_exit_2_and_names_analyze(string command)
    {
        string[] args = command.Length == 0 ? [Image] : [command, Image];

        var result = await CliRunner.RunAsync(args);

        CliAssert.ExitCode(2, result);
        Assert.Contains("explore is interactive and needs a terminal", result.Error, StringComparison.Ordinal);
        Assert.Contains($"strata analyze {Image}", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task A_first_word_naming_an_existing_folder_is_the_image_to_explore()
    {
        var folder = Path.Combine(Fixtures.RepositoryRoot, "examples", "wasteful-mini");

        var result = await CliRunner.RunAsync([folder]);

        CliAssert.ExitCode(2, result);
        Assert.Contains("explore is interactive and needs a terminal", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-f", "json", "--format")]
    [InlineData("-o", "report.txt", "--output")]
    public async Task Format_and_output_point_at_analyze(string option, string value, string named)
    {
        var result = await CliRunner.RunAsync(["explore", Image, option, value]);

        CliAssert.ExitCode(2, result);
        Assert.Contains($"{named}: explore is interactive and writes no report", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_command_is_still_an_unknown_command_with_its_suggestion()
    {
        var typo = await CliRunner.RunAsync(["analyse", Image]);
        var word = await CliRunner.RunAsync(["alpine"]);

        CliAssert.ExitCode(2, typo);
        Assert.Contains("unknown command 'analyse'; did you mean 'analyze'?", typo.Error, StringComparison.Ordinal);
        CliAssert.ExitCode(2, word);
        Assert.Contains("unknown command 'alpine'; to explore an image, write 'strata explore alpine'", word.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_alone_and_no_arguments_still_show_the_help_listing_explore()
    {
        var help = await CliRunner.RunAsync(["--help"]);
        var bare = await CliRunner.RunAsync([]);

        CliAssert.ExitCode(0, help);
        Assert.Matches(@"(?m)^\s+explore <IMAGE>\s+Browse an image", help.Out);
        CliAssert.ExitCode(2, bare);
        Assert.Contains("COMMANDS:", bare.Out, StringComparison.Ordinal);
    }
}
