using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Cli.Tests;

[SupportedOSPlatform("linux")]
public sealed class DockerDaemonTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    private const string LayerDiffId = "sha256:161f819ba25f23daad47368b54e494cec498f9fb1369d80e73b4ed007212a981";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task Image_read_from_the_engine_gives_what_the_archive_gives()
    {
        var fromArchive = await CliRunner.RunAsync(
            ["analyze", "docker-archive:" + DockerEngineFixture.Archive, "--json", "-"]);
        var fromEngine = await CliRunner.RunAsync(
            ["analyze", "docker-daemon:" + DockerEngineFixture.ImageName, "--json", "-"], engine.EngineEnvironment);

        CliAssert.ExitCode(0, fromArchive);
        CliAssert.ExitCode(0, fromEngine);
        var expected = JsonNode.Parse(fromArchive.StandardOutputBytes)!.AsObject();
        var actual = JsonNode.Parse(fromEngine.StandardOutputBytes)!.AsObject();
        // The fixture is a classic save with no OCI index, so it has no manifest digest; Docker 25+ saves one.
        var manifestDigest = actual["strata"]!.AsObject()["manifestDigest"];
        Assert.True(manifestDigest is null || manifestDigest.GetValue<string>().StartsWith("sha256:", StringComparison.Ordinal));
        expected["strata"]!.AsObject().Remove("manifestDigest");
        actual["strata"]!.AsObject().Remove("manifestDigest");
        Assert.Equal(Show(expected["image"]), Show(actual["image"]));
        Assert.Equal(Show(expected["layer"]), Show(actual["layer"]));
        Assert.Equal(Show(expected["strata"]), Show(actual["strata"]));
        Assert.Equal(LayerDiffId, actual["strata"]!["layers"]![0]!["diffId"]!.GetValue<string>());
        Assert.NotEmpty(actual["layer"]![0]!["fileList"]!.AsArray());
    }

    [Fact]
    public async Task Image_missing_from_the_engine_exits_2_naming_it()
    {
        var result = await CliRunner.RunAsync(["analyze", "docker-daemon:no/such:image", "--json", "-"], engine.EngineEnvironment);

        CliAssert.ExitCode(2, result);
        Assert.Contains("no/such:image", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutputBytes);
    }

    [Fact]
    public async Task Unreachable_engine_exits_2_saying_so_without_a_stack_trace()
    {
        var result = await CliRunner.RunAsync(
            ["analyze", "docker-daemon:" + DockerEngineFixture.ImageName, "--json", "-"],
            new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///nonexistent.sock" });

        CliAssert.ExitCode(2, result);
        Assert.Contains("cannot reach the engine at unix:///nonexistent.sock", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutputBytes);
    }

    private static string Show(JsonNode? node) => node?.ToJsonString(Indented) ?? "null";
}
