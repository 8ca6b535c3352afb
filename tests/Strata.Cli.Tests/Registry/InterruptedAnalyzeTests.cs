using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

/// <summary>Ctrl+C while <c>strata analyze</c> is blocked reading a layer from a registry that has stopped sending.</summary>
public sealed class InterruptedAnalyzeTests(OpenRegistry registry) : IClassFixture<OpenRegistry>
{
    [Fact(Timeout = 120_000)]
    public async Task Sigint_during_a_stalled_layer_read_exits_130_at_once_not_when_the_connection_times_out()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        var cache = work.File("cache");
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);
        // Every blob body sends its first 64 KiB (the whole config), then nothing for ten minutes.
        proxy.Inject(Fault.Throttle(64 * 1024, TimeSpan.FromMinutes(10)), r => r.Path.Contains("/blobs/sha256:", StringComparison.Ordinal), times: int.MaxValue);
        // The stall would end the command only after --timeout; the interrupt must not wait for that.
        string[] analyze = ["analyze", $"{proxy.Host}/team/wasteful:v1", "--timeout", "10m"];

        using var process = StrataProcess.Start(analyze, cache, new Dictionary<string, string>());
        var error = process.StandardError.ReadToEndAsync(ct);
        // Long enough for the manifest, the config and the first 64 KiB of each layer; then every reader is blocked.
        for (var waited = 0; waited < 50 && !process.HasExited; waited++)
        {
            await Task.Delay(100, ct);
        }
        if (process.HasExited)
        {
            Assert.Fail($"analyze ended (exit {process.ExitCode}) before it could be interrupted: {await error}");
        }

        await StrataProcess.SignalAsync(process, "INT", ct);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("analyze still running 30 s after SIGINT, blocked on the stalled read");
        }

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {await error}");
        Assert.Contains("strata: error: interrupted", await error, StringComparison.Ordinal);
        CacheAssert.AllVerified(cache);
    }
}
