using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

public sealed class InterruptedPullTests(OpenRegistry registry) : IClassFixture<OpenRegistry>
{
    /// <summary>A partial file's length; one the pull finishes and renames into place between listing and asking has none.</summary>
    private static long LengthOrZero(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task A_pull_killed_midway_resumes_and_ends_with_a_verified_cache()
    {
        using var work = new TempDirectory();
        var cache = work.File("cache");
        var partial = Path.Combine(cache, "partial");
        string[] pull = ["pull", registry.Reference("wasteful"), "--output", $"oci:{work.File("out")}:v1"];

        var killedWithPartial = false;
        for (var attempt = 0; attempt < 5 && !killedWithPartial; attempt++)
        {
            using var first = StrataProcess.Start(pull, cache);
            while (!first.HasExited)
            {
                if (Directory.Exists(partial) && Directory.EnumerateFiles(partial).Any(f => LengthOrZero(f) > 1 << 20))
                {
                    first.Kill(entireProcessTree: true);
                    killedWithPartial = true;
                    break;
                }
                await Task.Delay(5, TestContext.Current.CancellationToken);
            }
            await first.WaitForExitAsync(TestContext.Current.CancellationToken);
            if (!killedWithPartial)
            {
                Directory.Delete(cache, recursive: true);
            }
        }
        Assert.True(killedWithPartial, "the pull always finished before it could be killed midway");
        var resumable = Directory.EnumerateFiles(partial).Where(f => LengthOrZero(f) > 0).ToList();
        Assert.NotEmpty(resumable);

        var (exitCode, output) = await StrataProcess.RunAsync(pull, cache, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output);
        Assert.Equal(13 + 1, CacheAssert.AllVerified(cache).Count);
        Assert.Empty(Directory.EnumerateFiles(partial));
        var skopeo = await registry.Server.RunSkopeoAsync("inspect", $"oci:{work.File("out")}:v1");
        Assert.True(skopeo.Succeeded, skopeo.ToString());
    }

    [Fact(Timeout = 120_000)]
    public async Task A_partial_download_that_already_holds_every_byte_is_kept_without_asking_the_registry_again()
    {
        using var work = new TempDirectory();
        var cache = work.File("cache");
        const string layer = "4a04ee2eed62f5674d77806bd5d277ca06e0de583a2722c628731ee5c72384e0";
        Directory.CreateDirectory(Path.Combine(cache, "partial"));
        File.Copy(Path.Combine(Fixtures.OciLayout, "blobs", "sha256", layer), Path.Combine(cache, "partial", "sha256-" + layer));
        await using var proxy = FaultProxy.Start(registry.Server.BaseUri);

        var result = await CliRunner.RunAsync(["pull", $"{proxy.Host}/team/multistage:v1", "-o", $"oci:{work.File("out")}", "--cache-dir", cache]);

        CliAssert.ExitCode(0, result);
        Assert.DoesNotContain(proxy.Requests, r => r.Path.EndsWith(layer, StringComparison.Ordinal));
        Assert.Contains("sha256:" + layer, CacheAssert.AllVerified(cache));
    }

    [Fact(Timeout = 180_000)]
    public async Task Two_processes_pulling_the_same_blobs_at_once_leave_a_sound_cache()
    {
        using var work = new TempDirectory();
        var cache = work.File("cache");

        var one = StrataProcess.RunAsync(["pull", registry.Reference("base"), "-o", $"oci:{work.File("one")}:v1"], cache, TestContext.Current.CancellationToken);
        var two = StrataProcess.RunAsync(["pull", registry.Reference("base"), "-o", $"oci:{work.File("two")}:v1"], cache, TestContext.Current.CancellationToken);
        var results = await Task.WhenAll(one, two);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output));
        Assert.Equal(2, CacheAssert.AllVerified(cache).Count);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(cache, "partial")));
    }
}
