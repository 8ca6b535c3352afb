using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

/// <summary>A real registry of one auth mode with the shared fixture images pushed by skopeo as team/NAME:v1.</summary>
public abstract class SeededRegistry(RegistryAuth auth, params string[] images) : IAsyncLifetime
{
    public RegistryServer Server { get; private set; } = null!;

    public string Host => Server.Host;

    public string Reference(string name) => $"{Server.Host}/team/{name}:v1";

    public async ValueTask InitializeAsync()
    {
        Server = await RegistryServer.StartAsync(auth);
        foreach (var image in images)
        {
            await Server.CopyWithSkopeoAsync(RegistryServer.FixtureImage(image), $"team/{image}:v1");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class OpenRegistry() : SeededRegistry(RegistryAuth.Open, "base", "wasteful", "multistage");

public sealed class BasicAuthRegistry() : SeededRegistry(RegistryAuth.Basic, "multistage");

public sealed class TokenAuthRegistry() : SeededRegistry(RegistryAuth.Token, "multistage");
