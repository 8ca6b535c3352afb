using System.Text.Json.Nodes;
using Strata.Cli.Tests.Registry;
using Strata.TestKit;

namespace Strata.Cli.Tests.Slim;

/// <summary>A slim written to a real registry: pushed after its proof, and what the registry serves is that image.</summary>
public sealed class SlimRegistryTests(OpenRegistry registry) : IClassFixture<OpenRegistry>
{
    [Fact(Timeout = 180_000)]
    public async Task Slim_to_a_registry_reference_pushes_and_a_pull_gives_back_the_same_manifest_digest()
    {
        using var work = new TempDirectory();
        var destination = $"{registry.Host}/app:slim";

        var slim = await CliRunner.RunAsync(
            ["slim", $"oci:{Fixtures.OciLayout}:wasteful", destination, "-f", "json", "-o", work.File("summary.json"), "--cache-dir", work.File("cache")]);

        CliAssert.ExitCode(0, slim);
        var digest = JsonNode.Parse(File.ReadAllText(work.File("summary.json")))!["manifestDigest"]!.GetValue<string>();
        // skopeo, not Strata, says what the registry holds.
        var inspected = await registry.Server.RunSkopeoAsync("inspect", "--tls-verify=false", $"docker://{destination}");
        Assert.True(inspected.Succeeded, inspected.ToString());
        Assert.Equal(digest, JsonNode.Parse(inspected.StandardOutput)!["Digest"]!.GetValue<string>());
        var pulled = await CliRunner.RunAsync(["pull", destination, "-o", $"oci:{work.File("pulled")}", "--cache-dir", work.File("cache")]);
        CliAssert.ExitCode(0, pulled);
        var index = JsonNode.Parse(File.ReadAllText(work.File(Path.Combine("pulled", "index.json"))))!;
        Assert.Equal(digest, index["manifests"]![0]!["digest"]!.GetValue<string>());
    }

    [Fact(Timeout = 180_000)]
    public async Task A_dry_run_to_a_registry_pushes_nothing()
    {
        using var work = new TempDirectory();

        var slim = await CliRunner.RunAsync(
            ["slim", $"oci:{Fixtures.OciLayout}:multistage", $"{registry.Host}/app:dry", "--dry-run", "-q", "--cache-dir", work.File("cache")]);

        CliAssert.ExitCode(0, slim);
        var inspected = await registry.Server.RunSkopeoAsync("inspect", "--tls-verify=false", $"docker://{registry.Host}/app:dry");
        Assert.False(inspected.Succeeded, inspected.ToString());
    }

    [Fact(Timeout = 180_000)]
    public async Task A_slim_whose_proof_fails_pushes_nothing()
    {
        using var work = new TempDirectory();
        var source = SlimProofFailureTests.Source(work);
        var destination = $"{registry.Host}/app:unproven";

        CliResult slim;
        Commands.SlimCommand.PlanFault.Value = SlimProofFailureTests.DropKeepTxt;
        try
        {
            slim = await CliRunner.RunAsync(["slim", $"oci:{source}", destination, "--cache-dir", work.File("cache")]);
        }
        finally
        {
            Commands.SlimCommand.PlanFault.Value = null;
        }

        CliAssert.ExitCode(1, slim);
        Assert.Contains("/app/keep.txt", slim.Error, StringComparison.Ordinal);
        // skopeo, not Strata, asks the registry: there is no manifest under the tag.
        var inspected = await registry.Server.RunSkopeoAsync("inspect", "--tls-verify=false", $"docker://{destination}");
        Assert.False(inspected.Succeeded, inspected.ToString());
    }
}
