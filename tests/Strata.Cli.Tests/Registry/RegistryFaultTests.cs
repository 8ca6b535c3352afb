using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

/// <summary>A fault proxy between strata and a real Basic-auth registry; every fault must end well or fail cleanly, never in the cache.</summary>
public sealed class RegistryFaultTests(BasicAuthRegistry registry) : IClassFixture<BasicAuthRegistry>
{
    private const string Layer = "sha256:4a04ee2eed62f5674d77806bd5d277ca06e0de583a2722c628731ee5c72384e0";
    private const long LayerSize = 347495;

    private static bool IsLayerGet(ProxiedRequest r) => r.Method == "GET" && r.Path.EndsWith("/blobs/" + Layer, StringComparison.Ordinal);

    [Fact(Timeout = 120_000)]
    public async Task Server_errors_are_retried()
    {
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);
        proxy.Inject(Fault.Status(500), IsLayerGet, times: 2);
        using var cache = new TempDirectory();

        var result = await Analyze(proxy, cache);

        CliAssert.ExitCode(0, result);
        Assert.Equal(3, proxy.Requests.Count(IsLayerGet));
        Assert.Contains(Layer, CacheAssert.AllVerified(cache.Path));
    }

    [Fact(Timeout = 120_000)]
    public async Task Too_many_requests_waits_as_retry_after_says_and_tries_again()
    {
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);
        var rule = proxy.Inject(Fault.Status(429, retryAfter: "1"), r => r.Method == "GET" && r.Path.Contains("/manifests/", StringComparison.Ordinal));
        using var cache = new TempDirectory();

        var result = await Analyze(proxy, cache);

        CliAssert.ExitCode(0, result);
        Assert.Equal(1, rule.Applied);
        Assert.True(proxy.Requests.Count(r => r.Path.Contains("/manifests/", StringComparison.Ordinal) && r.Status == 200) >= 1);
    }

    [Theory(Timeout = 120_000)]
    [InlineData("reset")]
    [InlineData("truncate")]
    public async Task A_dropped_or_short_body_resumes_with_a_range_request(string kind)
    {
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);
        proxy.Inject(kind == "reset" ? Fault.ResetAfter(100_000) : Fault.Truncate(100_000), IsLayerGet);
        using var cache = new TempDirectory();

        var result = await Analyze(proxy, cache);

        CliAssert.ExitCode(0, result);
        var gets = proxy.Requests.Where(IsLayerGet).ToList();
        Assert.True(gets.Count >= 2, $"{gets.Count} GETs");
        var range = gets[^1].Header("Range");
        Assert.NotNull(range);
        Assert.StartsWith("bytes=", range, StringComparison.Ordinal);
        Assert.True(long.Parse(range[6..^1], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains(Layer, CacheAssert.AllVerified(cache.Path));
    }

    [Fact(Timeout = 120_000)]
    public async Task Wrong_bytes_fail_the_blob_name_it_and_never_reach_the_cache()
    {
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);
        proxy.Inject(Fault.CorruptByte(4096), IsLayerGet, times: 100);
        using var cache = new TempDirectory();

        var result = await Analyze(proxy, cache);

        CliAssert.ExitCode(2, result);
        Assert.Contains($"{proxy.Host}/team/multistage", result.Error, StringComparison.Ordinal);
        Assert.Contains(Layer, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Layer, CacheAssert.AllVerified(cache.Path));
        Assert.False(File.Exists(Path.Combine(cache.Path, "blobs", "sha256", Layer[7..])));
        var partial = Path.Combine(cache.Path, "partial");
        Assert.True(!Directory.Exists(partial) || !Directory.EnumerateFiles(partial).Any());
    }

    [Fact(Timeout = 120_000)]
    public async Task A_server_that_keeps_failing_gives_up_after_bounded_tries_naming_registry_repository_and_blob()
    {
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);
        proxy.Inject(Fault.Status(503), IsLayerGet, times: 1000);
        using var cache = new TempDirectory();

        var result = await Analyze(proxy, cache);

        CliAssert.ExitCode(2, result);
        Assert.Contains($"{proxy.Host}/team/multistage: blob {Layer}", result.Error, StringComparison.Ordinal);
        Assert.Equal(5, proxy.Requests.Count(IsLayerGet));
        Assert.DoesNotContain(Layer, CacheAssert.AllVerified(cache.Path));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_redirect_to_another_host_carries_no_authorization()
    {
        var blob = await File.ReadAllBytesAsync(Path.Combine(Fixtures.OciLayout, "blobs", "sha256", Layer[7..]), TestContext.Current.CancellationToken);
        await using var storage = RecordingBlobHost.Start(blob);
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);
        proxy.Inject(Fault.RedirectTo(storage.BaseUri), IsLayerGet);
        using var cache = new TempDirectory();

        var result = await Analyze(proxy, cache);

        CliAssert.ExitCode(0, result);
        Assert.True(proxy.Requests.First(IsLayerGet).HasHeader("Authorization"), "the registry request should carry credentials");
        Assert.NotEmpty(storage.Requests);
        Assert.False(storage.SawAuthorization);
        Assert.Contains(Layer, CacheAssert.AllVerified(cache.Path));
    }

    private Task<CliResult> Analyze(FaultProxy proxy, TempDirectory cache) => CliRunner.RunAsync(
        ["analyze", $"{proxy.Host}/team/multistage:v1", "--cache-dir", cache.Path, "--username", registry.Server.Username!, "--password-stdin", "--json", "-"],
        new Dictionary<string, string> { ["HOME"] = cache.Path },
        standardInput: registry.Server.Password);
}
