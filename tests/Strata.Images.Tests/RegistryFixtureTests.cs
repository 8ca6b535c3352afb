using System.Text.Json;
using Strata.TestKit;

namespace Strata.Images.Tests;

/// <summary>
/// The registry test kit against real clients only: Debian's docker-registry, fed and read by skopeo, behind no
/// auth, htpasswd Basic auth, or the kit's token issuer.
/// </summary>
public sealed class RegistryFixtureTests
{
    private const int Timeout = 120_000;
    private const string MultistageDigest = "sha256:2f6e5cc2ae3d824278a4cae9d10e7480130e87d77260bfbaa7582d81f8dbd148";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory(Timeout = Timeout)]
    [InlineData(RegistryAuth.Open)]
    [InlineData(RegistryAuth.Basic)]
    [InlineData(RegistryAuth.Token)]
    public async Task A_pushed_image_reads_back_with_the_source_digest(RegistryAuth auth)
    {
        using var registry = await RegistryServer.StartAsync(auth, Cancellation);

        await registry.CopyWithSkopeoAsync(RegistryServer.FixtureImage("multistage"), "strata/multistage:v1", Cancellation);

        var inspect = await Inspect(registry, "strata/multistage:v1", registry.Credentials);
        Assert.True(inspect.Succeeded, $"{inspect}\nRegistry log:\n{registry.RecentLog}");
        Assert.Equal(MultistageDigest, Digest(inspect));
    }

    [Theory(Timeout = Timeout)]
    [InlineData(RegistryAuth.Basic)]
    [InlineData(RegistryAuth.Token)]
    public async Task Without_the_right_credentials_nothing_is_read(RegistryAuth auth)
    {
        using var registry = await RegistryServer.StartAsync(auth, Cancellation);
        await registry.CopyWithSkopeoAsync(RegistryServer.FixtureImage("multistage"), "strata/multistage:v1", Cancellation);

        var anonymous = await Inspect(registry, "strata/multistage:v1", credentials: null);
        var wrongPassword = await Inspect(registry, "strata/multistage:v1", registry.Username + ":not-the-password");

        Assert.False(anonymous.Succeeded, anonymous.ToString());
        Assert.Contains("unauthorized", anonymous.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.False(wrongPassword.Succeeded, wrongPassword.ToString());
    }

    [Fact(Timeout = Timeout)]
    public async Task The_token_issuer_lets_anyone_pull_public_repositories_and_nothing_more()
    {
        using var registry = await RegistryServer.StartAsync(RegistryAuth.Token, Cancellation);
        var issuer = registry.TokenIssuer!;
        await registry.CopyWithSkopeoAsync(RegistryServer.FixtureImage("multistage"), "public/multistage:v1", Cancellation);
        Assert.StartsWith("Basic ", issuer.LastAuthorization, StringComparison.Ordinal);
        Assert.Contains("repository:public/multistage:pull,push", issuer.LastScopes);

        var requestsBefore = issuer.TokenRequests;
        var publicPull = await Inspect(registry, "public/multistage:v1", credentials: null);

        Assert.True(publicPull.Succeeded, $"{publicPull}\nRegistry log:\n{registry.RecentLog}");
        Assert.Equal(MultistageDigest, Digest(publicPull));
        Assert.True(issuer.TokenRequests > requestsBefore);
        Assert.Null(issuer.LastAuthorization);
        Assert.Equal(["repository:public/multistage:pull"], issuer.LastScopes);

        var anonymousPush = await registry.RunSkopeoAsync(
            ["--insecure-policy", "copy", "--dest-tls-verify=false", "--dest-no-creds",
                RegistryServer.FixtureImage("base"), registry.DockerReference("public/base:v1")],
            Cancellation);
        Assert.False(anonymousPush.Succeeded, anonymousPush.ToString());

        await registry.CopyWithSkopeoAsync(RegistryServer.FixtureImage("multistage"), "private/multistage:v1", Cancellation);
        var privatePull = await Inspect(registry, "private/multistage:v1", credentials: null);
        Assert.False(privatePull.Succeeded, privatePull.ToString());
    }

    [Fact(Timeout = Timeout)]
    public async Task Disposing_stops_the_registry_and_the_issuer_and_removes_the_folder()
    {
        var registry = await RegistryServer.StartAsync(RegistryAuth.Token, Cancellation);
        var folder = registry.Folder;
        var processId = registry.ProcessId;
        var realm = registry.TokenIssuer!.Realm;
        Assert.True(File.Exists(registry.LogPath));

        registry.Dispose();

        Assert.False(Directory.Exists(folder));
        Assert.False(Directory.Exists($"/proc/{processId}"), $"docker-registry ({processId}) still runs");
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(realm, Cancellation));
    }

    private static Task<ToolResult> Inspect(RegistryServer registry, string repositoryAndTag, string? credentials)
    {
        List<string> arguments = ["inspect", "--tls-verify=false"];
        arguments.AddRange(credentials is null ? ["--no-creds"] : ["--creds", credentials]);
        arguments.Add(registry.DockerReference(repositoryAndTag));
        return registry.RunSkopeoAsync(arguments, Cancellation);
    }

    private static string? Digest(ToolResult inspect)
    {
        using var json = JsonDocument.Parse(inspect.StandardOutput);
        return json.RootElement.GetProperty("Digest").GetString();
    }
}
