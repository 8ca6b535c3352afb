using System.Runtime.Versioning;
using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

[SupportedOSPlatform("linux")]
public sealed class PulledArchiveDockerLoadTests(OpenRegistry registry, DockerEngineFixture docker)
    : IClassFixture<OpenRegistry>, IClassFixture<DockerEngineFixture>
{
    [Fact(Timeout = 180_000)]
    public async Task Docker_loads_a_pulled_docker_archive_and_the_engine_gives_the_same_image_back()
    {
        using var work = new TempDirectory();
        var pulled = await CliRunner.RunAsync(
            ["pull", registry.Reference("wasteful"), "--output", "docker-archive:w.tar", "--cache-dir", work.File("cache")],
            workingDirectory: work.Path);
        CliAssert.ExitCode(0, pulled);

        var loaded = await docker.Engine.LoadImageAsync(work.File("w.tar"), TestContext.Current.CancellationToken);

        var name = $"{registry.Host}/team/wasteful:v1";
        Assert.Contains("Loaded image: " + name, loaded);
        var fromEngine = await CliRunner.RunAsync(["analyze", "docker-daemon:" + name, "--json", "-"], docker.EngineEnvironment);
        CliAssert.ExitCode(0, fromEngine);
        var fromLayout = await CliRunner.RunAsync(["analyze", $"oci:{Fixtures.OciLayout}:wasteful", "--json", "-"]);
        Assert.Equal(Numbers(fromLayout), Numbers(fromEngine));
    }

    private static string Numbers(CliResult result)
    {
        using var json = JsonDocument.Parse(result.StandardOutputBytes);
        var strata = json.RootElement.GetProperty("strata");
        return json.RootElement.GetProperty("image").GetRawText() + strata.GetProperty("deadBytes").GetInt64()
            + string.Join(',', strata.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("diffId").GetString()));
    }
}
