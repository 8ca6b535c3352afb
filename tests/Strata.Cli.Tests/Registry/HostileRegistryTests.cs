using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

/// <summary>
/// Registries that stall, flood or point elsewhere: each fails within the bounds given, in one line naming the URL,
/// never hanging and never leaking an exception type.
/// </summary>
public sealed class HostileRegistryTests
{
    private static readonly TimeSpan Drip = TimeSpan.FromMilliseconds(200);

    private static readonly string Manifest =
        $$$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:{{{new string('a', 64)}}}","size":2},"layers":[],"annotations":{"pad":"{{{new string('p', 3000)}}}"}}""";

    private static readonly (string, string) ManifestType = ("Content-Type", "application/vnd.oci.image.manifest.v1+json");

    [Fact(Timeout = 60_000)]
    public async Task A_head_dripped_a_byte_at_a_time_fails_as_a_stall_naming_the_url()
    {
        await using var server = HostileHttpServer.Start(_ => HostileAnswer.DripHead(200, Manifest, Drip, ManifestType));

        var result = await Inspect($"{server.Host}/team/app:v1", "--timeout", "1s");

        CleanFailure.Assert(result, $"http://{server.Host}/v2/team/app/manifests/v1", "stalled", "1 s");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_body_dripped_a_byte_at_a_time_fails_as_a_stall_naming_the_url()
    {
        await using var server = HostileHttpServer.Start(_ => HostileAnswer.DripBody(200, Manifest, Drip, ManifestType));

        var result = await Inspect($"{server.Host}/team/app:v1", "--timeout", "1s");

        CleanFailure.Assert(result, $"http://{server.Host}/v2/team/app/manifests/v1", "stalled");
        Assert.Single(server.Requests);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_endless_token_is_cut_at_one_mebibyte_without_reading_the_rest()
    {
        HostileHttpServer? server = null;
        server = HostileHttpServer.Start(request => request.Target.StartsWith("/token", StringComparison.Ordinal)
            ? HostileAnswer.Endless(200, "{\"token\":\"", (byte)'a', ("Content-Type", "application/json"))
            : HostileAnswer.Plain(401, "", ("WWW-Authenticate", $"Bearer realm=\"http://{server!.Host}/token\",service=\"hostile\"")));
        await using var _ = server;

        var result = await Inspect($"{server.Host}/team/app:v1");

        CleanFailure.Assert(result, $"the token service http://{server.Host}/token", "1048576");
        // The old client buffered the whole answer (2 GB and more) before looking at it.
        Assert.True(server.EndlessBytesSent < 64L << 20, $"{server.EndlessBytesSent} bytes were sent");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_token_realm_that_is_not_http_is_refused()
    {
        await using var server = HostileHttpServer.Start(_ =>
            HostileAnswer.Plain(401, "", ("WWW-Authenticate", "Bearer realm=\"file:///etc/passwd\",service=\"hostile\"")));

        var result = await Inspect($"{server.Host}/team/app:v1");

        CleanFailure.Assert(result, "token realm 'file:///etc/passwd' is not an http or https URL", $"{server.Host}/team/app");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_upload_location_that_is_not_http_is_refused()
    {
        await using var server = HostileHttpServer.Start(request => request.Method switch
        {
            "HEAD" => HostileAnswer.Plain(404, ""),
            "POST" => HostileAnswer.Plain(202, "", ("Location", "file:///tmp/strata-upload")),
            _ => HostileAnswer.Plain(500, ""),
        });

        var result = await CliRunner.RunAsync(
            ["push", $"oci:{Fixtures.OciLayout}:wasteful", $"docker://{server.Host}/team/app:v1", "--cache-dir", "/tmp/strata-test-unused"]);

        CleanFailure.Assert(result, "upload Location 'file:///tmp/strata-upload' is not an http or https URL");
        Assert.DoesNotContain(server.Requests, r => r.StartsWith("PUT", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_refused_connection_fails_at_once_with_a_hint()
    {
        var port = FreePort.Next();

        var result = await Inspect($"127.0.0.1:{port}/team/app:v1");

        CleanFailure.Assert(result, $"127.0.0.1:{port} refused the connection", "is the registry running?", "docker-daemon:");
        Assert.DoesNotContain("tries", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_host_that_does_not_resolve_fails_at_once_with_a_hint()
    {
        var result = await Inspect("registry.strata-test.invalid/team/app:v1");

        CleanFailure.Assert(result, "cannot resolve the host registry.strata-test.invalid", "docker-daemon:");
        Assert.DoesNotContain("tries", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_registry_error_message_cannot_forge_lines_or_reach_the_terminal_raw()
    {
        await using var server = HostileHttpServer.Start(_ => HostileAnswer.Plain(
            404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"gone\\u001b[2J\\nstrata: error: forged\"}]}", ("Content-Type", "application/json")));

        var result = await Inspect($"{server.Host}/team/app:v1");

        CleanFailure.Assert(result, "not found", "gone\\x1b[2J\\x0astrata: error: forged");
        Assert.DoesNotContain('\u001b', result.Error);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("5x")]
    [InlineData("-1s")]
    public async Task A_timeout_without_a_valid_unit_is_refused(string timeout)
    {
        var result = await Inspect("127.0.0.1:1/team/app:v1", "--timeout", timeout);

        CleanFailure.Assert(result, $"--timeout '{timeout}'");
    }

    private static Task<CliResult> Inspect(string reference, params string[] options) =>
        CliRunner.RunAsync(["inspect", reference, "--cache-dir", "/tmp/strata-test-unused", .. options]);
}
