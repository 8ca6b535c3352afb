using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests;

public sealed class AnalyzeOutputTests
{
    [Fact]
    public async Task Json_export_has_dives_field_names_and_strata_numbers()
    {
        using var folder = new TempDirectory();
        var result = await CliRunner.RunAsync(["analyze", $"oci:{Fixtures.OciLayout}:multistage", "--json", "out.json"], workingDirectory: folder.Path);

        CliAssert.ExitCode(0, result);
        Assert.Equal(["out.json"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(folder.File("out.json"), TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal(["layer", "image", "strata"], root.EnumerateObject().Select(p => p.Name));
        var layer = root.GetProperty("layer")[0];
        Assert.Equal(["index", "id", "digestId", "sizeBytes", "command", "fileList"], layer.EnumerateObject().Select(p => p.Name));
        var file = layer.GetProperty("fileList").EnumerateArray().Single(f => f.GetProperty("path").GetString() == "hello");
        Assert.Equal(["path", "typeFlag", "linkName", "size", "fileMode", "uid", "gid", "isDir"], file.EnumerateObject().Select(p => p.Name));
        Assert.Equal('0', file.GetProperty("typeFlag").GetInt32());
        Assert.Equal(762424, file.GetProperty("size").GetInt64());
        Assert.Equal(["sizeBytes", "inefficientBytes", "efficiencyScore", "fileReference"], root.GetProperty("image").EnumerateObject().Select(p => p.Name));
        var strata = root.GetProperty("strata");
        foreach (var name in new[] { "deadBytes", "liveBytes", "userSizeBytes", "userWastedPercent", "duplicateBytes", "manifestDigest", "platform", "layers" })
        {
            Assert.True(strata.TryGetProperty(name, out _), $"strata.{name} is missing");
        }
        Assert.Equal("sha256:2f6e5cc2ae3d824278a4cae9d10e7480130e87d77260bfbaa7582d81f8dbd148", strata.GetProperty("manifestDigest").GetString());
        Assert.Equal("linux/amd64", strata.GetProperty("platform").GetString());
        var strataLayer = strata.GetProperty("layers")[0];
        Assert.Equal(["index", "digest", "diffId", "compressedSizeBytes", "sizeBytes", "deadBytes", "command", "source"], strataLayer.EnumerateObject().Select(p => p.Name));
        Assert.Equal(347495, strataLayer.GetProperty("compressedSizeBytes").GetInt64());
    }

    [Fact]
    public async Task Go_file_modes_carry_the_type_bits_dive_writes()
    {
        var result = await CliRunner.RunAsync(["analyze", Fixtures.Dive("test-docker-image.tar"), "--json", "-"]);

        CliAssert.ExitCode(0, result);
        using var json = JsonDocument.Parse(result.StandardOutputBytes);
        var files = json.RootElement.GetProperty("layer")[2].GetProperty("fileList").EnumerateArray().ToList();
        var root = files.Single(f => f.GetProperty("path").GetString() == "root");
        Assert.True(root.GetProperty("isDir").GetBoolean());
        Assert.Equal((1u << 31) | 0x1C0, root.GetProperty("fileMode").GetUInt32());
        var directory = files.Single(f => f.GetProperty("path").GetString() == "root/example/really/nested");
        Assert.Equal('5', directory.GetProperty("typeFlag").GetInt32());
    }

    [Fact]
    public async Task The_report_shows_the_numbers_people_compare()
    {
        var result = await CliRunner.RunAsync(["analyze", Fixtures.Dive("test-docker-image.tar")]);

        CliAssert.ExitCode(0, result);
        Assert.Contains("98.44 %", result.Out, StringComparison.Ordinal);
        Assert.Contains("32 kB (48.35 % of user layers)", result.Out, StringComparison.Ordinal);
        Assert.Contains("/root/example/somefile1.txt", result.Out, StringComparison.Ordinal);
        Assert.Contains("chmod +x /root/saved.txt", result.Out, StringComparison.Ordinal);
    }
}
