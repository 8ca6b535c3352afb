using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>Inputs the fuzzing harness (tests/Strata.Fuzz) found mishandled, kept here as hand-built cases.</summary>
public sealed class FuzzFoundTests
{
    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_huge_value_from_the_image_is_cut_short_so_the_error_stays_one_readable_line()
    {
        using var temp = new TempDirectory();
        var huge = "layers/" + new string('x', 3 * 1024 * 1024);
        var archive = BadImages.DockerArchive(temp, [BadImages.SmallLayer()], editManifest: m => m["Layers"] = new JsonArray(huge));

        var result = await CliRunner.RunAsync(["analyze", archive]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("strata: error: ", line, StringComparison.Ordinal);
        // The error names the archive and quotes the start of the value, then says how much was left out.
        Assert.Contains("xxxxxxxx", line, StringComparison.Ordinal);
        Assert.Contains("more characters)", line, StringComparison.Ordinal);
        Assert.True(line.Length < 2200, $"{line.Length} characters");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task Two_pax_headers_in_a_row_are_a_tar_defect_in_strata_words()
    {
        using var temp = new TempDirectory();
        var tar = new HandTar().Pax(("path", "etc/one")).Pax(("path", "etc/two")).File("etc/hostname", "strata\n").ToArray();
        var layout = new OciImageBuilder().Layer(tar, "two pax headers").WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 0", "malformed tar");
        Assert.DoesNotContain("unexpected", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task Two_pax_headers_in_a_row_in_the_outer_archive_are_named_without_the_tar_reader_words()
    {
        using var temp = new TempDirectory();
        var archive = temp.File("two-pax.tar");
        File.WriteAllBytes(archive, new HandTar().Pax(("path", "one")).Pax(("path", "two")).File("manifest.json", "[]").ToArray());

        var result = await CliRunner.RunAsync(["analyze", $"docker-archive:{archive}"]);

        BadInputAssert.Rejected(result, "two-pax.tar");
        Assert.DoesNotContain("unexpected", result.Error, StringComparison.OrdinalIgnoreCase);
    }
}
