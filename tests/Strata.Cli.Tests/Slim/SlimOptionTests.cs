using Strata.TestKit;

namespace Strata.Cli.Tests.Slim;

/// <summary>Bad options and destinations exit 2 naming what is wrong, before anything is read or written.</summary>
public sealed class SlimOptionTests
{
    private static readonly string Image = $"oci:{Path.Combine(Fixtures.RepositoryRoot, "examples", "wasteful-mini")}";

    public static readonly TheoryData<string[], string> BadOptions = new()
    {
        { ["--format", "xml"], "--format" },
        { ["--compression", "lz4"], "--compression" },
        { ["--compression", "gzip", "--compression-level", "12"], "--compression-level" },
        { ["--compression-level", "fast"], "--compression-level" },
        { ["--drop", "everything"], "--drop" },
        { ["--keep-locale", "en"], "--keep-locale" },
        { ["--drop", "locales", "--keep-locale", "../x"], "--keep-locale" },
        { ["--remove", "relative/*"], "--remove" },
        { ["--base-layers", "-1"], "--base-layers" },
        { ["--base-layers", "99"], "--base-layers" },
        { ["--no-such-option"], "--no-such-option" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task A_bad_option_exits_2_naming_it_and_writes_nothing(string[] options, string named)
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(["slim", Image, $"oci:{work.File("out")}", .. options]);

        CliAssert.ExitCode(2, result);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(work.Path));
    }

    [Theory]
    [InlineData("docker-daemon:app:slim")]
    [InlineData("/some/path")]
    [InlineData("oci:")]
    public async Task A_destination_slim_cannot_write_exits_2_naming_dest(string destination)
    {
        var result = await CliRunner.RunAsync(["slim", Image, destination]);

        CliAssert.ExitCode(2, result);
        Assert.Contains("DEST", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_archive_in_a_folder_that_does_not_exist_exits_2_naming_the_folder()
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(["slim", Image, $"oci-archive:{work.File("missing")}/slim.tar"]);

        CliAssert.ExitCode(2, result);
        Assert.Contains(work.File("missing"), result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(work.Path));
    }

    [Fact]
    public async Task A_missing_destination_exits_2()
    {
        var result = await CliRunner.RunAsync(["slim", Image]);

        CliAssert.ExitCode(2, result);
        Assert.Contains("DEST", result.Error, StringComparison.Ordinal);
    }
}
