using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests;

public sealed class AnalyzeDiveNumbersTests
{
    [Fact]
    public async Task Json_export_on_dives_test_image_matches_dive_to_the_byte()
    {
        var result = await CliRunner.RunAsync(["analyze", Fixtures.Dive("test-docker-image.tar"), "--json", "-"]);

        CliAssert.ExitCode(0, result);
        using var json = JsonDocument.Parse(result.StandardOutputBytes);
        var image = json.RootElement.GetProperty("image");
        Assert.Equal(0.9844212134184309, image.GetProperty("efficiencyScore").GetDouble());
        Assert.Equal(1220598, image.GetProperty("sizeBytes").GetInt64());
        Assert.Equal(32025, image.GetProperty("inefficientBytes").GetInt64());
        var strata = json.RootElement.GetProperty("strata");
        Assert.Equal(66237, strata.GetProperty("userSizeBytes").GetInt64());
        Assert.Equal(0.4834911001404049, strata.GetProperty("userWastedPercent").GetDouble());
        var files = image.GetProperty("fileReference").EnumerateArray()
            .Select(f => (f.GetProperty("file").GetString(), f.GetProperty("count").GetInt32(), f.GetProperty("sizeBytes").GetInt64()))
            .ToList();
        Assert.Equal(
            [("/root/saved.txt", 2, 12810L), ("/root/example/somefile1.txt", 2, 12810L), ("/root/example/somefile3.txt", 2, 6405L)],
            files);
    }
}
