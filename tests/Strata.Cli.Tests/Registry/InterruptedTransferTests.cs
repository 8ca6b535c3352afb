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
}
