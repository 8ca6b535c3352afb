using System.Text;
using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

public sealed class BasicAuthTests(BasicAuthRegistry registry) : IClassFixture<BasicAuthRegistry>
{
    [Fact(Timeout = 60_000)]
    public async Task Without_credentials_the_error_says_they_are_needed()
    {
        using var home = new TempDirectory();
        var result = await CliRunner.RunAsync(["inspect", registry.Reference("multistage")], Environment(home));

        CliAssert.ExitCode(2, result);
        Assert.Contains("requires credentials", result.Error, StringComparison.Ordinal);
        Assert.Contains(registry.Host, result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Username_and_password_on_standard_input_log_in()
    {
        using var home = new TempDirectory();
        var result = await CliRunner.RunAsync(
            ["analyze", registry.Reference("multistage"), "--username", registry.Server.Username!, "--password-stdin"],
            Environment(home), standardInput: registry.Server.Password + "\n");

        CliAssert.ExitCode(0, result);

        var wrong = await CliRunner.RunAsync(
            ["inspect", registry.Reference("multistage"), "--username", registry.Server.Username!, "--password-stdin"],
            Environment(home), standardInput: "not-the-password");
        CliAssert.ExitCode(2, wrong);
        Assert.Contains("authentication failed", wrong.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Docker_config_auths_are_used()
    {
        using var home = new TempDirectory();
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes(registry.Server.Credentials!));
        Directory.CreateDirectory(Path.Combine(home.Path, "docker"));
        await File.WriteAllTextAsync(Path.Combine(home.Path, "docker", "config.json"),
            "{\"auths\":{\"" + registry.Host + "\":{\"auth\":\"" + auth + "\"}}}", TestContext.Current.CancellationToken);
        var environment = Environment(home);
        environment["DOCKER_CONFIG"] = Path.Combine(home.Path, "docker");

        var result = await CliRunner.RunAsync(["inspect", registry.Reference("multistage")], environment);

        CliAssert.ExitCode(0, result);
    }

    private static Dictionary<string, string> Environment(TempDirectory home) => new()
    {
        ["HOME"] = home.Path,
        ["STRATA_CACHE_DIR"] = Path.Combine(home.Path, "cache"),
    };
}

public sealed class TokenAuthTests(TokenAuthRegistry registry) : IClassFixture<TokenAuthRegistry>
{
    [Fact(Timeout = 120_000)]
    public async Task Tokens_are_fetched_once_per_scope_and_anonymous_pulls_reach_public_repositories()
    {
        using var home = new TempDirectory();
        var environment = new Dictionary<string, string> { ["HOME"] = home.Path, ["STRATA_CACHE_DIR"] = Path.Combine(home.Path, "cache") };
        var issuer = registry.Server.TokenIssuer!;

        var anonymous = await CliRunner.RunAsync(["inspect", registry.Reference("multistage")], environment);
        CliAssert.ExitCode(2, anonymous);
        Assert.Contains("access denied without credentials", anonymous.Error, StringComparison.Ordinal);
        Assert.Contains($"{registry.Host}/team/multistage", anonymous.Error, StringComparison.Ordinal);

        var before = issuer.TokenRequests;
        var pushed = await CliRunner.RunAsync(
            ["push", $"oci:{Fixtures.OciLayout}:wasteful", $"docker://{registry.Host}/public/wasteful:v1", "--username", registry.Server.Username!, "--password-stdin"],
            environment, standardInput: registry.Server.Password);
        CliAssert.ExitCode(0, pushed);
        // Fourteen blobs checked and uploaded and one manifest, all with the one push token fetched once.
        Assert.Equal(1, issuer.TokenRequests - before);
        Assert.Equal(["repository:public/wasteful:pull,push"], issuer.LastScopes);
        Assert.NotNull(issuer.LastAuthorization);

        before = issuer.TokenRequests;
        var pulled = await CliRunner.RunAsync(["analyze", $"{registry.Host}/public/wasteful:v1", "--json", "-"], environment);
        CliAssert.ExitCode(0, pulled);
        Assert.Equal(1, issuer.TokenRequests - before);
        Assert.Null(issuer.LastAuthorization);
        Assert.Equal(13 + 1, CacheAssert.AllVerified(Path.Combine(home.Path, "cache")).Count);
    }
}
