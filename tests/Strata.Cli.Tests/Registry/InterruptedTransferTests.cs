using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

/// <summary>Ctrl+C (SIGINT) during a pull, sent to the real executable while a slowed registry is still sending layers.</summary>
public sealed class InterruptedTransferTests(OpenRegistry registry) : IClassFixture<OpenRegistry>
{
    [Fact(Timeout = 180_000)]
    public async Task Sigint_mid_pull_exits_130_leaving_no_temporary_file_and_a_cache_a_second_pull_completes_from()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        var cache = work.File("cache");
        var partial = Path.Combine(cache, "partial");
        var temp = Directory.CreateDirectory(work.File("tmp")).FullName;
        var output = Directory.CreateDirectory(work.File("out")).FullName;
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);
        proxy.Inject(Fault.Throttle(8 * 1024, TimeSpan.FromMilliseconds(20)), r => r.Path.Contains("/blobs/sha256:", StringComparison.Ordinal), times: int.MaxValue);
        string[] pull = ["pull", $"{proxy.Host}/team/wasteful:v1", $"oci:{Path.Combine(output, "layout")}:v1"];
        var environment = new Dictionary<string, string> { ["TMPDIR"] = temp };

        using (var process = StrataProcess.Start(pull, cache, environment))
        {
            var error = process.StandardError.ReadToEndAsync(ct);
            var standardOutput = process.StandardOutput.ReadToEndAsync(ct);
            while (!Directory.Exists(partial) || !Directory.EnumerateFiles(partial).Any(f => new FileInfo(f).Length > 0))
            {
                if (process.HasExited)
                {
                    Assert.Fail($"the pull ended (exit {process.ExitCode}) before it could be interrupted: {await error}");
                }
                await Task.Delay(10, ct);
            }

            await StrataProcess.SignalAsync(process, "INT", ct);
            await process.WaitForExitAsync(ct);

            Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {await error}");
            Assert.Contains("strata: error: interrupted", await error, StringComparison.Ordinal);
            Assert.DoesNotContain("Pulled", await standardOutput, StringComparison.Ordinal);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp));
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
        var kept = CacheAssert.AllVerified(cache);
        Assert.True(kept.Count < 13 + 1, $"all {kept.Count} blobs arrived before the interrupt");

        proxy.ClearFaults();
        var (exitCode, text) = await StrataProcess.RunAsync(pull, cache, ct, environment);

        Assert.True(exitCode == 0, text);
        Assert.Equal(13 + 1, CacheAssert.AllVerified(cache).Count);
        Assert.Empty(Directory.EnumerateFiles(partial));
        var skopeo = await registry.Server.RunSkopeoAsync("inspect", $"oci:{Path.Combine(output, "layout")}:v1");
        Assert.True(skopeo.Succeeded, skopeo.ToString());
    }

    [Fact(Timeout = 120_000)]
    public async Task An_interrupt_during_the_progress_bars_shows_the_cursor_again_and_exits_130()
    {
        using var work = new TempDirectory();
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);
        proxy.Inject(Fault.Throttle(8 * 1024, TimeSpan.FromMilliseconds(20)), r => r.Path.Contains("/blobs/sha256:", StringComparison.Ordinal), times: int.MaxValue);
        using var interrupt = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            // Once a layer is on its way, as a user pressing Ctrl+C mid-download.
            while (!proxy.Requests.Any(r => r.Path.Contains("/blobs/sha256:4a04ee2eed62", StringComparison.Ordinal)))
            {
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
            await interrupt.CancelAsync();
        }, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(
            ["pull", $"{proxy.Host}/team/multistage:v1", "oci:out:v1", "--cache-dir", work.File("cache")],
            workingDirectory: work.Path, errorIsTerminal: true, interrupt: interrupt);
        await watch;

        CliAssert.ExitCode(130, result);
        const string hideCursor = "\u001b[?25l", showCursor = "\u001b[?25h";
        Assert.Contains(hideCursor, result.Error, StringComparison.Ordinal);
        Assert.True(result.Error.LastIndexOf(showCursor, StringComparison.Ordinal) > result.Error.LastIndexOf(hideCursor, StringComparison.Ordinal),
            "the cursor is left hidden");
        Assert.False(Directory.Exists(work.File("out")));
    }
}
