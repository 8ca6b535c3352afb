using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

/// <summary>A real registry behind a fault proxy that cuts, rate-limits and redirects its answers.</summary>
public sealed class RegistryResponseFaultTests(OpenRegistry registry) : IClassFixture<OpenRegistry>
{
    private static bool IsManifestGet(ProxiedRequest r) => r.Method == "GET" && r.Path.Contains("/manifests/", StringComparison.Ordinal);

    [Fact(Timeout = 60_000)]
    public async Task A_retry_after_longer_than_the_cap_fails_at_once()
    {
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);
        var rule = proxy.Inject(Fault.Status(429, retryAfter: "100000"), IsManifestGet, times: 100);

        var result = await Inspect(proxy);

        CleanFailure.Assert(result, "HTTP 429", "retry after 100000 s", $"http://{proxy.Host}/v2/team/multistage/manifests/v1");
        Assert.Equal(1, rule.Applied);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_manifest_shorter_than_its_content_length_names_the_url()
    {
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);
        proxy.Inject(Fault.Truncate(40), IsManifestGet, times: 100);

        var result = await Inspect(proxy);

        CleanFailure.Assert(result, $"http://{proxy.Host}/v2/team/multistage/manifests/v1", "Content-Length");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_redirect_to_a_file_url_is_refused()
    {
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);
        proxy.Inject(Fault.RedirectTo(new Uri("file:///etc/passwd")), IsManifestGet);

        var result = await Inspect(proxy);

        CleanFailure.Assert(result, "redirect Location 'file:///etc/passwd' is not an http or https URL", $"{proxy.Host}/team/multistage");
    }

    private static Task<CliResult> Inspect(FaultProxy proxy) =>
        CliRunner.RunAsync(["inspect", $"{proxy.Host}/team/multistage:v1", "--cache-dir", "/tmp/strata-test-unused", "--timeout", "5s"]);
}
