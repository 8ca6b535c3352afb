using System.Text;
using Strata.TestKit;

namespace Strata.Cli.Tests.Report;

/// <summary>report's command line: -o is required ('-' is standard output), every option's file is checked before the image, the file is written whole.</summary>
public sealed class ReportCommandTests
{
    private static readonly string Image = $"oci:{Path.Combine(Fixtures.RepositoryRoot, "examples", "wasteful-mini")}";

    [Fact]
    public async Task Without_output_it_names_the_option()
    {
        var result = await CliRunner.RunAsync(["report", Image]);

        BadInputAssert.Rejected(result, "--output", "required", "-o report.html");
    }

    [Theory]
    [InlineData("--db", "missing.sqlite")]
    [InlineData("--dockerfile", "missing.Dockerfile")]
    [InlineData("--policy", "missing.yaml")]
    public async Task A_missing_file_is_named_with_its_option_and_nothing_is_written(string option, string file)
    {
        using var folder = new TempDirectory();

        var result = await CliRunner.RunAsync(["report", Image, "-o", "report.html", option, file], workingDirectory: folder.Path);

        BadInputAssert.Rejected(result, option, file);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public async Task Only_html_is_a_format()
    {
        var result = await CliRunner.RunAsync(["report", Image, "-o", "-", "--format", "pdf"]);

        BadInputAssert.Rejected(result, "--format", "'pdf'", "html");
    }

    [Fact]
    public async Task Dash_writes_the_page_to_standard_output_and_a_file_gets_the_same_page()
    {
        using var folder = new TempDirectory();

        var toStdout = await CliRunner.RunAsync(["report", Image, "-o", "-"]);
        var toFile = await CliRunner.RunAsync(["report", Image, "--output", "report.html", "-q"], workingDirectory: folder.Path);

        CliAssert.ExitCode(0, toStdout);
        CliAssert.ExitCode(0, toFile);
        Assert.StartsWith("<!DOCTYPE html>", toStdout.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", toStdout.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(toStdout.StandardOutput, await File.ReadAllTextAsync(folder.File("report.html"), Encoding.UTF8, TestContext.Current.CancellationToken));
        Assert.Equal("", toFile.Error);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(["report", Image, "-o", "-", "--open-browser"]);

        CliAssert.ExitCode(2, result);
        Assert.Contains("--open-browser", result.Error, StringComparison.Ordinal);
    }
}
