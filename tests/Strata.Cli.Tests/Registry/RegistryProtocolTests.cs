using System.Net;
using System.Text;
using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

public sealed class RegistryProtocolTests(OpenRegistry registry) : IClassFixture<OpenRegistry>
{
    [Fact(Timeout = 120_000)]
    public async Task A_manifest_whose_bytes_do_not_match_the_registrys_digest_is_refused()
    {
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);
        proxy.Inject(Fault.CorruptByte(10), r => r.Method == "GET" && r.Path.Contains("/manifests/", StringComparison.Ordinal), times: 10);

        var result = await CliRunner.RunAsync(["inspect", $"{proxy.Host}/team/multistage:v1", "--cache-dir", "/tmp/strata-test-unused"]);

        CliAssert.ExitCode(2, result);
        Assert.Contains("Docker-Content-Digest", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{proxy.Host}/team/multistage", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Platform_picks_from_a_multi_platform_index_in_a_registry()
    {
        using var work = new TempDirectory();
        OciImageBuilder.WriteMultiPlatformLayout(work.File("layout"), "multi", nested: false,
            (new OciImageBuilder { Architecture = "amd64" }.Layer(new LayerBuilder().File("arch", "amd64")), "linux/amd64"),
            (new OciImageBuilder { Architecture = "arm64" }.Layer(new LayerBuilder().File("arch", "arm64-v8")), "linux/arm64/v8"));
        var copied = await registry.Server.RunSkopeoAsync("--insecure-policy", "copy", "--all", "--dest-tls-verify=false",
            $"oci:{work.File("layout")}:multi", $"docker://{registry.Host}/multi/app:v1");
        Assert.True(copied.Succeeded, copied.ToString());
        var reference = $"{registry.Host}/multi/app:v1";

        var inspect = await CliRunner.RunAsync(["inspect", reference, "--json", "--platform", "linux/arm64", "--cache-dir", work.File("cache")]);
        CliAssert.ExitCode(0, inspect);
        using (var json = JsonDocument.Parse(inspect.StandardOutputBytes))
        {
            Assert.Equal(["linux/amd64", "linux/arm64/v8"], json.RootElement.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()));
            Assert.Equal("linux/arm64", json.RootElement.GetProperty("platform").GetString());
        }

        var analysed = await CliRunner.RunAsync(["analyze", reference, "--platform", "linux/arm64/v8", "--json", "-", "--cache-dir", work.File("cache")]);
        CliAssert.ExitCode(0, analysed);
        using (var json = JsonDocument.Parse(analysed.StandardOutputBytes))
        {
            Assert.Equal(8, json.RootElement.GetProperty("image").GetProperty("sizeBytes").GetInt64()); // "arm64-v8"
        }

        var missing = await CliRunner.RunAsync(["inspect", reference, "--platform", "linux/riscv64", "--cache-dir", work.File("cache")]);
        CliAssert.ExitCode(2, missing);
        Assert.Contains("linux/amd64, linux/arm64/v8", missing.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 120_000)]
    public async Task Cache_commands_list_measure_and_prune()
    {
        using var work = new TempDirectory();
        var cache = work.File("cache");
        CliAssert.ExitCode(0, await CliRunner.RunAsync(["pull", registry.Reference("multistage"), "-o", $"oci:{work.File("out")}", "--cache-dir", cache]));

        var list = await CliRunner.RunAsync(["cache", "ls", "--cache-dir", cache]);
        CliAssert.ExitCode(0, list);
        Assert.Contains("sha256:4a04ee2eed62f5674d77806bd5d277ca06e0de583a2722c628731ee5c72384e0", list.Out.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var usage = await CliRunner.RunAsync(["cache", "du", "--cache-dir", cache]);
        Assert.Contains($"2 blobs, {347495 + 837} bytes", usage.Out, StringComparison.Ordinal);

        var kept = await CliRunner.RunAsync(["cache", "prune", "--older-than", "30d", "--cache-dir", cache]);
        Assert.Contains("removed 0 blobs", kept.Out, StringComparison.Ordinal);
        var old = Path.Combine(cache, "blobs", "sha256", "4a04ee2eed62f5674d77806bd5d277ca06e0de583a2722c628731ee5c72384e0");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-31));
        var pruned = await CliRunner.RunAsync(["cache", "prune", "--older-than", "30d", "--cache-dir", cache]);
        Assert.Contains("removed 1 blob, 347495 bytes", pruned.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(old));
        Assert.Single(CacheAssert.AllVerified(cache));

        var bad = await CliRunner.RunAsync(["cache", "prune", "--older-than", "soon", "--cache-dir", cache]);
        CliAssert.ExitCode(2, bad);
        Assert.Contains("--older-than", bad.Error, StringComparison.Ordinal);
    }
}

public sealed class TokenRealmTests
{
    /// <summary>
    /// A registry whose token realm is plain HTTP on another host: the real registry's fixture cannot be told to
    /// announce such a realm, so a listener that only answers 401 with that challenge stands in for it.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task Credentials_never_go_to_a_plain_http_realm_on_another_host()
    {
        await using var realm = RecordingBlobHost.Start(Encoding.UTF8.GetBytes("{\"token\":\"anonymous\",\"expires_in\":300}"));
        Assert.NotEqual("127.0.0.1", realm.BaseUri.Host);
        using var challenger = new HttpListener();
        var port = FreePort.Next();
        challenger.Prefixes.Add($"http://127.0.0.1:{port}/");
        challenger.Start();
        var serving = Task.Run(async () =>
        {
            while (challenger.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await challenger.GetContextAsync();
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                context.Response.StatusCode = 401;
                context.Response.AddHeader("WWW-Authenticate", $"Bearer realm=\"{realm.BaseUri}token\",service=\"elsewhere\"");
                context.Response.Close();
            }
        }, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(
            ["inspect", $"127.0.0.1:{port}/team/app:v1", "--username", "someone", "--password-stdin", "--cache-dir", "/tmp/strata-test-unused"],
            standardInput: "secret");

        challenger.Stop();
        CliAssert.ExitCode(2, result);
        Assert.NotEmpty(realm.Requests);
        Assert.False(realm.SawAuthorization);
    }
}
