using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Cli.Tests.Policy;

/// <summary>
/// base-image-up-to-date with --online against a real docker-registry: the labelled base tag is read from the registry,
/// and the policy fails once the tag is pushed again with other content.
/// </summary>
public sealed class PolicyOnlineTests
{
    private const string OnlyUpToDate = "policies:\n  base-image-up-to-date: {}\n";

    [Fact(Timeout = 180_000)]
    public async Task The_policy_passes_while_the_base_tag_points_to_the_labelled_digest_and_fails_once_it_moves()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var registry = await RegistryServer.StartAsync(RegistryAuth.Open, cancellation);
        using var work = new TempDirectory();
        var built = await PushBaseAsync(registry, work.File("base-1"), "first");
        await File.WriteAllTextAsync(work.File("strata-policy.yaml"), OnlyUpToDate, cancellation);
        var image = WriteImage(work.File("app"), $"{registry.Host}/library/debian:12", built);

        var current = await CliRunner.RunAsync(["policy", "oci:" + image, "--online", "-f", "json"], workingDirectory: work.Path);
        var rebuilt = await PushBaseAsync(registry, work.File("base-2"), "second");
        var moved = await CliRunner.RunAsync(["policy", "oci:" + image, "--online", "-f", "json"], workingDirectory: work.Path);
        var offline = await CliRunner.RunAsync(["policy", "oci:" + image, "-f", "json"], workingDirectory: work.Path);

        CliAssert.ExitCode(0, current);
        Assert.Equal("pass", Status(current));
        CliAssert.ExitCode(1, moved);
        Assert.Equal("fail", Status(moved));
        Assert.NotEqual(built, rebuilt);
        Assert.Contains($"now: {rebuilt}", Policy(moved).GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        CliAssert.ExitCode(0, offline);
        Assert.Equal("skip", Status(offline));
    }

    [Fact(Timeout = 180_000)]
    public async Task An_unreachable_registry_is_a_skip_with_the_reason()
    {
        using var work = new TempDirectory();
        await File.WriteAllTextAsync(work.File("strata-policy.yaml"), OnlyUpToDate, TestContext.Current.CancellationToken);
        var port = FreePort.Next();
        var image = WriteImage(work.File("app"), $"127.0.0.1:{port}/library/debian:12", "sha256:" + new string('1', 64));

        var result = await CliRunner.RunAsync(["policy", "oci:" + image, "--online", "--timeout", "5s", "-f", "json"], workingDirectory: work.Path);

        CliAssert.ExitCode(0, result);
        Assert.Equal("skip", Status(result));
        Assert.Contains($"127.0.0.1:{port}/library/debian:12: the registry could not be read", Policy(result).GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Pushes a one-layer base as library/debian:12 and returns the digest of the manifest the registry serves.</summary>
    private static async Task<string> PushBaseAsync(RegistryServer registry, string folder, string content)
    {
        new OciImageBuilder().Layer(new LayerBuilder().File("etc/base-release", content)).WriteOciLayout(folder);
        await registry.CopyWithSkopeoAsync($"oci:{folder}:latest", "library/debian:12", TestContext.Current.CancellationToken);
        var raw = await registry.RunSkopeoAsync("inspect", "--raw", "--tls-verify=false", registry.DockerReference("library/debian:12"));
        Assert.True(raw.Succeeded, raw.ToString());
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw.StandardOutput)));
    }

    private static string WriteImage(string folder, string baseName, string baseDigest) =>
        new OciImageBuilder
        {
            EditConfig = config => config["config"] = new JsonObject
            {
                ["Labels"] = new JsonObject
                {
                    ["org.opencontainers.image.base.name"] = baseName,
                    ["org.opencontainers.image.base.digest"] = baseDigest,
                },
            },
        }.Layer(new LayerBuilder().File("app/run", "echo hi")).WriteOciLayout(folder);

    private static JsonElement Policy(CliResult result) =>
        JsonDocument.Parse(result.StandardOutputBytes).RootElement.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "base-image-up-to-date");

    private static string? Status(CliResult result) => Policy(result).GetProperty("status").GetString();
}
