using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

/// <summary>credHelpers and credsStore run <c>docker-credential-NAME get</c>, as Docker does; the helper here is a real script on PATH.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CredentialHelperTests(BasicAuthRegistry registry) : IClassFixture<BasicAuthRegistry>
{
    [Theory(Timeout = 120_000)]
    [InlineData("credHelpers")]
    [InlineData("credsStore")]
    public async Task A_credential_helper_supplies_the_login(string style)
    {
        using var home = new TempDirectory();
        var bin = Path.Combine(home.Path, "bin");
        Directory.CreateDirectory(bin);
        var helper = Path.Combine(bin, "docker-credential-strata-test");
        var asked = Path.Combine(home.Path, "asked");
        await File.WriteAllTextAsync(helper,
            "#!/bin/sh\n" +
            $"[ \"$1\" = get ] || exit 1\ncat > '{asked}'\n" +
            $"printf '{{\"ServerURL\":\"%s\",\"Username\":\"{registry.Server.Username}\",\"Secret\":\"{registry.Server.Password}\"}}' \"$(cat '{asked}')\"\n",
            TestContext.Current.CancellationToken);
        File.SetUnixFileMode(helper, (UnixFileMode)0x1ED);
        var config = style == "credHelpers"
            ? "{\"credHelpers\":{\"" + registry.Host + "\":\"strata-test\"}}"
            : "{\"credsStore\":\"strata-test\"}";
        Directory.CreateDirectory(Path.Combine(home.Path, ".docker"));
        await File.WriteAllTextAsync(Path.Combine(home.Path, ".docker", "config.json"), config, TestContext.Current.CancellationToken);

        var (exitCode, output) = await StrataProcess.RunAsync(
            ["inspect", registry.Reference("multistage")], Path.Combine(home.Path, "cache"), TestContext.Current.CancellationToken,
            new Dictionary<string, string>
            {
                ["HOME"] = home.Path,
                ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
            });

        Assert.True(exitCode == 0, output);
        Assert.Equal(registry.Host, await File.ReadAllTextAsync(asked, TestContext.Current.CancellationToken));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_credential_helper_runs_once_per_registry_for_a_whole_pull()
    {
        using var home = new TempDirectory();
        var runs = Path.Combine(home.Path, "runs");
        var bin = WriteHelper(home,
            $"echo run >> '{runs}'\n" +
            $"printf '{{\"Username\":\"{registry.Server.Username}\",\"Secret\":\"{registry.Server.Password}\"}}'\n");

        var (exitCode, output) = await StrataProcess.RunAsync(
            ["pull", registry.Reference("multistage"), "-o", $"oci:{Path.Combine(home.Path, "out")}"], Path.Combine(home.Path, "cache"),
            TestContext.Current.CancellationToken, HelperEnvironment(home, bin));

        Assert.True(exitCode == 0, output);
        // A pull makes a dozen authenticated requests (manifest, config, every layer); the helper answers once.
        Assert.Single(await File.ReadAllLinesAsync(runs, TestContext.Current.CancellationToken));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_credential_helper_that_never_answers_is_killed_at_the_timeout()
    {
        using var home = new TempDirectory();
        var bin = WriteHelper(home, "sleep 600\n");

        var (exitCode, output) = await StrataProcess.RunAsync(
            ["inspect", registry.Reference("multistage"), "--timeout", "1s"], Path.Combine(home.Path, "cache"),
            TestContext.Current.CancellationToken, HelperEnvironment(home, bin));

        Assert.Equal(2, exitCode);
        Assert.Contains("docker-credential-strata-test: no answer within 1 s", output, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", output, StringComparison.Ordinal);
    }

    private string WriteHelper(TempDirectory home, string body)
    {
        var bin = Path.Combine(home.Path, "bin");
        Directory.CreateDirectory(bin);
        var helper = Path.Combine(bin, "docker-credential-strata-test");
        File.WriteAllText(helper, "#!/bin/sh\ncat > /dev/null\n" + body);
        File.SetUnixFileMode(helper, (UnixFileMode)0x1ED);
        Directory.CreateDirectory(Path.Combine(home.Path, ".docker"));
        File.WriteAllText(Path.Combine(home.Path, ".docker", "config.json"), "{\"credHelpers\":{\"" + registry.Host + "\":\"strata-test\"}}");
        return bin;
    }

    private static Dictionary<string, string> HelperEnvironment(TempDirectory home, string bin) => new()
    {
        ["HOME"] = home.Path,
        ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
    };
}
