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
}
