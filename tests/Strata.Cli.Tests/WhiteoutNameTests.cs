using System.Formats.Tar;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>A whiteout must name a file or folder: <c>.wh.</c> alone, or a whiteout of <c>.</c> or <c>..</c>, is an invalid entry.</summary>
public sealed class WhiteoutNameTests
{
    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData(".wh.")]
    [InlineData("/.wh.")]
    [InlineData("etc/.wh.")]
    [InlineData(".wh..")]
    [InlineData("etc/.wh...")]
    public async Task A_whiteout_of_nothing_or_of_a_dot_folder_is_an_invalid_entry(string name)
    {
        using var temp = new TempDirectory();
        var layer = new LayerBuilder().Directory("etc").Raw(TarEntryType.RegularFile, name, []).ToTar();
        var layout = new OciImageBuilder().Layer(BadImages.SmallLayer(), "base").Layer(layer, "whiteout").WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", $"entry '{name}'", "invalid whiteout");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_whiteout_of_a_file_still_removes_it()
    {
        using var temp = new TempDirectory();
        var layer = new LayerBuilder().Whiteout("etc/hostname").ToTar();
        var layout = new OciImageBuilder().Layer(BadImages.SmallLayer(), "base").Layer(layer, "rm").WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Accepted(result);
    }
}
