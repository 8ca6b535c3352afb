using System.Runtime.Versioning;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>One private Docker engine for a test class, with <c>multistage.docker.tar</c> loaded into it.</summary>
[SupportedOSPlatform("linux")]
public sealed class DockerEngineFixture : IAsyncLifetime
{
    public const string ImageName = "fixture/multistage:latest";

    private DockerEngine? _engine;

    public static string Archive => Fixtures.Images("multistage.docker.tar");

    public DockerEngine Engine => _engine ?? throw new InvalidOperationException("the engine has not started");

    public IReadOnlyDictionary<string, string> EngineEnvironment =>
        new Dictionary<string, string> { ["DOCKER_HOST"] = Engine.Endpoint.ToString() };

    public async ValueTask InitializeAsync()
    {
        _engine = await DockerEngine.StartAsync(TestContext.Current.CancellationToken);
        var loaded = await _engine.LoadImageAsync(Archive, TestContext.Current.CancellationToken);
        if (!loaded.Contains("Loaded image: " + ImageName))
        {
            throw new InvalidOperationException($"loading {Archive} did not give {ImageName}: {string.Join("; ", loaded)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }
    }
}
