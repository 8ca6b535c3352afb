using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

/// <summary><c>strata pull SRC DEST</c> as skopeo copy takes it, and <c>strata push SRC REF</c> with a bare reference.</summary>
public sealed class TransferArgumentTests(OpenRegistry registry) : IClassFixture<OpenRegistry>
{
    private const string MultistageDigest = "sha256:2f6e5cc2ae3d824278a4cae9d10e7480130e87d77260bfbaa7582d81f8dbd148";

    [Fact(Timeout = 120_000)]
    public async Task Pull_takes_its_destination_as_a_second_argument()
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(["pull", registry.Reference("multistage"), "oci:out:v1", "--cache-dir", work.File("cache")], workingDirectory: work.Path);

        CliAssert.ExitCode(0, result);
        Assert.Equal(MultistageDigest, await SkopeoDigest($"oci:{work.File("out")}:v1"));
    }

    [Fact(Timeout = 120_000)]
    public async Task On_a_terminal_pull_and_push_show_a_bar_per_blob()
    {
        using var work = new TempDirectory();
        const string layer = "sha256:4a04ee2eed62";

        var pulled = await CliRunner.RunAsync(
            ["pull", registry.Reference("multistage"), "oci:out:v1", "--cache-dir", work.File("cache")], workingDirectory: work.Path, errorIsTerminal: true);
        var pushed = await CliRunner.RunAsync(
            ["push", $"oci:{Fixtures.OciLayout}:multistage", $"{registry.Host}/progress/multistage:v1"], errorIsTerminal: true);
        var quiet = await CliRunner.RunAsync(
            ["pull", registry.Reference("multistage"), "oci:again:v1", "--cache-dir", work.File("cache2")], workingDirectory: work.Path);

        CliAssert.ExitCode(0, pulled);
        CliAssert.ExitCode(0, pushed);
        CliAssert.ExitCode(0, quiet);
        Assert.Contains(layer, pulled.Error, StringComparison.Ordinal);
        Assert.Contains(layer, pushed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(layer, quiet.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Pull_with_two_different_destinations_says_so()
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(
            ["pull", registry.Reference("multistage"), "oci:one", "--output", "oci:two", "--cache-dir", work.File("cache")], workingDirectory: work.Path);

        CliAssert.ExitCode(2, result);
        Assert.Contains("DESTINATION 'oci:one' and --output 'oci:two' differ", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(work.Path));
    }

    [Fact(Timeout = 60_000)]
    public async Task Pull_without_a_destination_says_how_to_give_one()
    {
        var result = await CliRunner.RunAsync(["pull", registry.Reference("multistage")]);

        CliAssert.ExitCode(2, result);
        Assert.Contains("DESTINATION: required", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Push_takes_a_bare_registry_reference()
    {
        var destination = $"{registry.Host}/bare/multistage:v1";

        var result = await CliRunner.RunAsync(["push", $"oci:{Fixtures.OciLayout}:multistage", destination]);

        CliAssert.ExitCode(0, result);
        Assert.Equal(MultistageDigest, await SkopeoDigest("docker://" + destination));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("oci:/tmp/x")]
    [InlineData("docker-archive:/tmp/x.tar")]
    [InlineData("./relative/path")]
    public async Task Push_to_something_that_is_not_a_registry_says_to_use_pull(string destination)
    {
        var result = await CliRunner.RunAsync(["push", $"oci:{Fixtures.OciLayout}:multistage", destination]);

        CliAssert.ExitCode(2, result);
        Assert.Contains($"DESTINATION '{destination}': push writes to a registry", result.Error, StringComparison.Ordinal);
        Assert.Contains("strata pull SRC DEST", result.Error, StringComparison.Ordinal);
    }

    private async Task<string?> SkopeoDigest(string reference)
    {
        var result = await registry.Server.RunSkopeoAsync("inspect", "--tls-verify=false", reference);
        Assert.True(result.Succeeded, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.GetProperty("Digest").GetString();
    }
}
