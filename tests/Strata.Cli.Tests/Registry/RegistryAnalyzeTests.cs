using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

public sealed class RegistryAnalyzeTests(OpenRegistry registry) : IClassFixture<OpenRegistry>
{
    [Fact(Timeout = 120_000)]
    public async Task A_registry_image_analyses_as_its_layout_does_and_a_shared_base_is_not_downloaded_twice()
    {
        using var cache = new TempDirectory();

        var first = await CliRunner.RunAsync(["analyze", registry.Reference("base"), "--cache-dir", cache.Path, "--json", "-"]);
        CliAssert.ExitCode(0, first);
        Assert.Equal(["network"], Sources(first));

        var second = await CliRunner.RunAsync(["analyze", "docker://" + registry.Reference("wasteful"), "--cache-dir", cache.Path, "--json", "-"]);
        CliAssert.ExitCode(0, second);
        var sources = Sources(second);
        Assert.Equal("cache", sources[0]);
        Assert.All(sources.Skip(1), s => Assert.Equal("network", s));

        var local = await CliRunner.RunAsync(["analyze", $"oci:{Fixtures.OciLayout}:wasteful", "--json", "-"]);
        Assert.Equal(Numbers(local), Numbers(second));

        var third = await CliRunner.RunAsync(["analyze", registry.Reference("wasteful"), "--cache-dir", cache.Path, "--json", "-"]);
        Assert.All(Sources(third), s => Assert.Equal("cache", s));
        Assert.Equal(13 + 2, CacheAssert.AllVerified(cache.Path).Count); // wasteful's 13 layers (base's among them) and two configs
    }

    [Fact(Timeout = 120_000)]
    public async Task Inspect_reads_config_and_layers_without_downloading_layers_and_raw_is_byte_exact()
    {
        using var cache = new TempDirectory();

        var result = await CliRunner.RunAsync(["inspect", registry.Reference("wasteful"), "--json", "--cache-dir", cache.Path]);

        CliAssert.ExitCode(0, result);
        using var json = JsonDocument.Parse(result.StandardOutputBytes);
        var root = json.RootElement;
        Assert.Equal("sha256:33cd119c5a16d0fe6ed70c4a6ebd607c1ff258027049bf84d249d7c3beae8a68", root.GetProperty("manifestDigest").GetString());
        Assert.Equal(["python3", "/app/app.py"], root.GetProperty("config").GetProperty("cmd").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("API_TOKEN=not-a-real-token", root.GetProperty("config").GetProperty("env").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(13, root.GetProperty("layers").GetArrayLength());
        Assert.Equal(17, root.GetProperty("history").GetArrayLength());
        Assert.Single(CacheAssert.AllVerified(cache.Path)); // the config only

        var raw = await CliRunner.RunAsync(["inspect", registry.Reference("wasteful"), "--raw", "--cache-dir", cache.Path]);
        var skopeo = await registry.Server.RunSkopeoAsync("inspect", "--raw", "--tls-verify=false", "docker://" + registry.Reference("wasteful"));
        Assert.True(skopeo.Succeeded, skopeo.ToString());
        Assert.Equal(skopeo.StandardOutput, raw.StandardOutput);
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(Fixtures.OciLayout, "blobs", "sha256", "33cd119c5a16d0fe6ed70c4a6ebd607c1ff258027049bf84d249d7c3beae8a68"), TestContext.Current.CancellationToken),
            raw.StandardOutputBytes);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_image_names_registry_and_repository()
    {
        var result = await CliRunner.RunAsync(["analyze", $"{registry.Host}/team/nope:v1", "--cache-dir", "/tmp/strata-unused-cache"]);

        CliAssert.ExitCode(2, result);
        Assert.Contains($"{registry.Host}/team/nope", result.Error, StringComparison.Ordinal);
        Assert.Contains("not found", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_pinned_digest_that_does_not_match_fails()
    {
        var wrong = "sha256:" + new string('0', 64);
        var result = await CliRunner.RunAsync(["inspect", $"{registry.Host}/team/wasteful@{wrong}", "--cache-dir", "/tmp/strata-unused-cache"]);

        CliAssert.ExitCode(2, result);
        Assert.Contains("team/wasteful", result.Error, StringComparison.Ordinal);
    }

    private static List<string> Sources(CliResult result)
    {
        using var json = JsonDocument.Parse(result.StandardOutputBytes);
        return json.RootElement.GetProperty("strata").GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("source").GetString()!).ToList();
    }

    private static string Numbers(CliResult result)
    {
        using var json = JsonDocument.Parse(result.StandardOutputBytes);
        var strata = json.RootElement.GetProperty("strata");
        return string.Join(' ', json.RootElement.GetProperty("image").GetRawText(), strata.GetProperty("deadBytes").GetInt64(),
            strata.GetProperty("manifestDigest").GetString(), json.RootElement.GetProperty("layer").GetRawText().Length);
    }
}
