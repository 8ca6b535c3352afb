using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

public sealed class PullPushTests(OpenRegistry registry) : IClassFixture<OpenRegistry>
{
    private const string MultistageDigest = "sha256:2f6e5cc2ae3d824278a4cae9d10e7480130e87d77260bfbaa7582d81f8dbd148";

    [Fact(Timeout = 120_000)]
    public async Task Pull_writes_layouts_and_archives_skopeo_reads_fetching_only_what_the_cache_lacks()
    {
        using var work = new TempDirectory();
        var cache = work.File("cache");

        var layout = await CliRunner.RunAsync(["pull", registry.Reference("multistage"), "--output", "oci:out:v1", "--cache-dir", cache], workingDirectory: work.Path);
        CliAssert.ExitCode(0, layout);
        Assert.Contains("1 downloaded, 0 from the cache", layout.Out, StringComparison.Ordinal);
        Assert.Equal(MultistageDigest, await SkopeoDigest($"oci:{work.File("out")}:v1"));
        foreach (var blob in Directory.EnumerateFiles(Path.Combine(work.File("out"), "blobs", "sha256")))
        {
            var shared = Path.Combine(Fixtures.OciLayout, "blobs", "sha256", Path.GetFileName(blob));
            Assert.Equal(await File.ReadAllBytesAsync(shared, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(blob, TestContext.Current.CancellationToken));
        }

        var archive = await CliRunner.RunAsync(["pull", registry.Reference("multistage"), "-o", "oci-archive:ms.oci.tar", "--cache-dir", cache], workingDirectory: work.Path);
        CliAssert.ExitCode(0, archive);
        Assert.Contains("0 downloaded, 1 from the cache", archive.Out, StringComparison.Ordinal);
        Assert.Equal(MultistageDigest, await SkopeoDigest($"oci-archive:{work.File("ms.oci.tar")}"));

        var docker = await CliRunner.RunAsync(["pull", registry.Reference("multistage"), "-o", "docker-archive:ms.docker.tar", "--cache-dir", cache], workingDirectory: work.Path);
        CliAssert.ExitCode(0, docker);
        var inspected = await registry.Server.RunSkopeoAsync("inspect", "--config", $"docker-archive:{work.File("ms.docker.tar")}");
        Assert.True(inspected.Succeeded, inspected.ToString());
        var analysed = await CliRunner.RunAsync(["analyze", "docker-archive:" + work.File("ms.docker.tar"), "--json", "-"]);
        var original = await CliRunner.RunAsync(["analyze", $"oci:{Fixtures.OciLayout}:multistage", "--json", "-"]);
        Assert.Equal(ImageNumbers(original), ImageNumbers(analysed));
        Assert.Equal(["ms.docker.tar", "ms.oci.tar"], Directory.GetFiles(work.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task Push_writes_what_skopeo_reads_back_byte_for_byte_and_skips_or_mounts_what_the_registry_has()
    {
        using var work = new TempDirectory();
        var destination = $"docker://{registry.Host}/pushed/multistage:v1";

        // A cache of its own: a shared one may know another repository of this registry holding these blobs, and mount them.
        var first = await CliRunner.RunAsync(["push", $"oci:{Fixtures.OciLayout}:multistage", destination, "--cache-dir", work.File("fresh")]);
        CliAssert.ExitCode(0, first);
        Assert.Contains("2 blobs uploaded, 0 mounted, 0 already there", first.Out, StringComparison.Ordinal);
        Assert.Equal(MultistageDigest, await SkopeoDigest(destination));
        var copied = await registry.Server.RunSkopeoAsync("--insecure-policy", "copy", "--src-tls-verify=false", destination, $"oci:{work.File("copy")}:v1");
        Assert.True(copied.Succeeded, copied.ToString());
        foreach (var blob in Directory.EnumerateFiles(Path.Combine(work.File("copy"), "blobs", "sha256")))
        {
            var shared = Path.Combine(Fixtures.OciLayout, "blobs", "sha256", Path.GetFileName(blob));
            Assert.Equal(await File.ReadAllBytesAsync(shared, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(blob, TestContext.Current.CancellationToken));
        }

        var again = await CliRunner.RunAsync(["push", $"oci:{Fixtures.OciLayout}:multistage", destination]);
        CliAssert.ExitCode(0, again);
        Assert.Contains("0 blobs uploaded, 0 mounted, 2 already there", again.Out, StringComparison.Ordinal);

        var mounted = await CliRunner.RunAsync(["push", registry.Reference("multistage"), $"docker://{registry.Host}/elsewhere/multistage:v1", "--cache-dir", work.File("cache")]);
        CliAssert.ExitCode(0, mounted);
        Assert.Contains("0 blobs uploaded, 2 mounted", mounted.Out, StringComparison.Ordinal);
        Assert.Equal(MultistageDigest, await SkopeoDigest($"docker://{registry.Host}/elsewhere/multistage:v1"));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_docker_archive_pushes_with_a_manifest_made_for_it()
    {
        var destination = $"docker://{registry.Host}/fromarchive/multistage:v1";

        var pushed = await CliRunner.RunAsync(["push", "docker-archive:" + Fixtures.Images("multistage.docker.tar"), destination]);

        CliAssert.ExitCode(0, pushed);
        await PushedLayers.AssertGzippedAsync(registry.Server, "fromarchive/multistage", destination);
        var analysed = await CliRunner.RunAsync(["analyze", destination, "--json", "-", "--cache-dir", "/tmp/strata-test-unused"]);
        var original = await CliRunner.RunAsync(["analyze", "docker-archive:" + Fixtures.Images("multistage.docker.tar"), "--json", "-"]);
        Assert.Equal(ImageNumbers(original), ImageNumbers(analysed));
    }

    [Fact(Timeout = 60_000)]
    public async Task Push_needs_a_docker_destination()
    {
        var result = await CliRunner.RunAsync(["push", $"oci:{Fixtures.OciLayout}:multistage", "oci:/tmp/x"]);

        CliAssert.ExitCode(2, result);
        Assert.Contains("docker://", result.Error, StringComparison.Ordinal);
    }

    private async Task<string?> SkopeoDigest(string reference)
    {
        var result = await registry.Server.RunSkopeoAsync("inspect", "--tls-verify=false", reference);
        Assert.True(result.Succeeded, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        return json.RootElement.GetProperty("Digest").GetString();
    }

    private static string ImageNumbers(CliResult result)
    {
        using var json = JsonDocument.Parse(result.StandardOutputBytes);
        var strata = json.RootElement.GetProperty("strata");
        return json.RootElement.GetProperty("image").GetRawText() + strata.GetProperty("deadBytes").GetInt64()
            + string.Join(',', strata.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("diffId").GetString()));
    }
}
