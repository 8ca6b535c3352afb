using System.Runtime.Versioning;

namespace Strata.Cli.Tests.Registry;

/// <summary>An image from the real engine pushed to the real registry goes with gzipped layers, as skopeo sends it.</summary>
[SupportedOSPlatform("linux")]
public sealed class EnginePushTests(DockerEngineFixture engine, OpenRegistry registry) : IClassFixture<DockerEngineFixture>, IClassFixture<OpenRegistry>
{
    [Fact(Timeout = 300_000)]
    public async Task A_push_from_the_engine_gzips_its_layers()
    {
        var destination = $"docker://{registry.Host}/fromengine/multistage:v1";

        var pushed = await CliRunner.RunAsync(
            ["push", "docker-daemon:" + DockerEngineFixture.ImageName, destination, "--cache-dir", "/tmp/strata-test-unused"], engine.EngineEnvironment);

        CliAssert.ExitCode(0, pushed);
        await PushedLayers.AssertGzippedAsync(registry.Server, "fromengine/multistage", destination);
    }
}
