using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Strata.Cli.Tests.Registry;
using Strata.TestKit;

namespace Strata.Cli.Tests.ScanRegistry;

/// <summary>
/// <c>strata scan-registry</c> against the real registry: every repository and tag scanned, each image once, the Debian
/// base layer read once for all the images that share it, a killed run resumed, shards that split the repositories.
/// </summary>
public sealed class ScanRegistryTests(FleetRegistry registry) : IClassFixture<FleetRegistry>
{
    private const int Timeout = 600_000;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact(Timeout = Timeout)]
    public async Task The_whole_registry_is_scanned_with_each_layer_read_once_and_a_warm_cache_gives_the_same_reports()
    {
        using var work = new TempDirectory();
        var cache = work.File("cache");

        var cold = await ScanAsync(work.File("cold"), cache, "--tags", "all");

        var images = Images(cold);
        Assert.Equal(FleetRegistry.Pushed.Keys.Select(r => $"{registry.Host}/{r}").Order(StringComparer.Ordinal), images.Keys);
        foreach (var (reference, image) in FleetRegistry.Pushed)
        {
            var line = images[$"{registry.Host}/{reference}"];
            Assert.Equal(FleetRegistry.ManifestDigest(image), line.GetProperty("manifestDigest").GetString());
            Assert.Matches("^[A-F]$", line.GetProperty("grade").GetString()!);
            var report = ReadReport(work.File("cold"), line);
            Assert.Equal(FleetRegistry.ManifestDigest(image), report.GetProperty("image").GetProperty("manifestDigest").GetString());
        }
        // Each image is scanned once, whatever number of tags name it.
        var distinct = FleetRegistry.Pushed.Values.Distinct().ToList();
        Assert.Equal(distinct.Count, images.Values.Count(i => i.GetProperty("status").GetString() == "scanned"));
        Assert.Equal(distinct.Count, Directory.GetFiles(Path.Combine(work.File("cold"), "reports"), "*.json").Length);
        // The apt advisory matches the Debian images' apt.
        Assert.True(images[$"{registry.Host}/library/debian:12"].GetProperty("findings").GetProperty("low").GetInt32()
            + images[$"{registry.Host}/library/debian:12"].GetProperty("findings").GetProperty("unknown").GetInt32() >= 1);
        // Every distinct layer is read once: the Debian base layer, shared by base and wasteful, only the first time.
        var layers = distinct.Select(FleetRegistry.DiffIds).ToList();
        var distinctLayers = layers.SelectMany(l => l).Distinct().Count();
        Assert.Contains(FleetRegistry.DiffIds("base")[0], FleetRegistry.DiffIds("wasteful"));
        Assert.Equal((layers.Sum(l => l.Count) - distinctLayers, distinctLayers), CacheCounters(cold));

        var warm = await ScanAsync(work.File("warm"), cache, "--tags", "all");

        Assert.Equal((layers.Sum(l => l.Count), 0), CacheCounters(warm));
        foreach (var image in distinct)
        {
            var file = $"{FleetRegistry.ManifestDigest(image).Replace(':', '-')}.json";
            Assert.Equal(Comparable(work.File(Path.Combine("cold", "reports", file))), Comparable(work.File(Path.Combine("warm", "reports", file))));
        }
    }

    [Fact(Timeout = Timeout)]
    public async Task A_killed_run_resumes_without_scanning_any_image_twice()
    {
        using var work = new TempDirectory();
        var output = work.File("out");
        var reports = Path.Combine(output, "reports");
        using (var process = StrataProcess.Start(Arguments(output, "--tags", "all", "--concurrency", "1"), work.File("cache")))
        {
            var drain = process.StandardError.ReadToEndAsync(Cancellation);
            var deadline = Stopwatch.StartNew();
            while (!(Directory.Exists(reports) && Directory.GetFiles(reports, "*.json").Length > 0) && !process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(10, Cancellation);
            }
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Cancellation);
            Assert.True(process.ExitCode != 0, "the run ended before it could be killed: " + await drain);
        }
        Assert.False(File.Exists(Path.Combine(output, "summary.json")));
        var before = Directory.GetFiles(reports, "*.json").ToDictionary(f => Path.GetFileName(f), File.GetLastWriteTimeUtc);
        Assert.NotEmpty(before);
        // What a report written in place would leave when killed mid-write: it must not count as reported.
        var multistage = $"{FleetRegistry.ManifestDigest("multistage").Replace(':', '-')}.json";
        Assert.DoesNotContain(multistage, before.Keys);
        await File.WriteAllTextAsync(Path.Combine(reports, multistage), $$"""{"image": {"manifestDigest": "{{FleetRegistry.ManifestDigest("multistage")}}", "ref""", Cancellation);

        var resumed = await ScanAsync(output, work.File("cache"), "--tags", "all", "--concurrency", "1");

        var images = Images(resumed);
        Assert.Equal(FleetRegistry.Pushed.Count, images.Count);
        foreach (var (reference, image) in FleetRegistry.Pushed)
        {
            var line = images[$"{registry.Host}/{reference}"];
            var file = $"{FleetRegistry.ManifestDigest(image).Replace(':', '-')}.json";
            if (before.TryGetValue(file, out var written))
            {
                Assert.Equal("reported-before", line.GetProperty("status").GetString());
                Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(reports, file)));
            }
            ReadReport(output, line);
        }
        // No image is scanned twice in the resumed run either, and the torn report was scanned again.
        Assert.All(images.Values.GroupBy(i => i.GetProperty("manifestDigest").GetString()),
            g => Assert.True(g.Count(i => i.GetProperty("status").GetString() == "scanned") <= 1));
        Assert.Contains(images.Values, i => i.GetProperty("manifestDigest").GetString() == FleetRegistry.ManifestDigest("multistage")
            && i.GetProperty("status").GetString() == "scanned");
    }

    /// <summary>Two processes at once, as two pods would run them, sharing one cache folder (and so one layer cache file).</summary>
    [Fact(Timeout = Timeout)]
    public async Task Two_shards_run_at_once_cover_every_repository_exactly_once()
    {
        using var work = new TempDirectory();

        var runs = await Task.WhenAll(
            StrataProcess.RunAsync(Arguments(work.File("shard0"), "--shard", "0/2", "--tags", "all"), work.File("cache"), Cancellation),
            StrataProcess.RunAsync(Arguments(work.File("shard1"), "--shard", "1/2", "--tags", "all"), work.File("cache"), Cancellation));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Output));
        var first = Summary(work.File("shard0"));
        var second = Summary(work.File("shard1"));

        var shards = new[] { first, second }.Select(s => s.GetProperty("repositories").EnumerateArray().Select(r => r.GetString()!).ToList()).ToList();
        Assert.Equal(FleetRegistry.Repositories, shards.SelectMany(s => s).Order(StringComparer.Ordinal));
        Assert.Empty(shards[0].Intersect(shards[1]));
        for (var i = 0; i < 2; i++)
        {
            // The documented hash: the first eight bytes of the name's SHA-256, big-endian, modulo the shard count.
            Assert.All(shards[i], r => Assert.Equal((ulong)i, BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(r))) % 2));
        }
        Assert.Equal(FleetRegistry.Pushed.Count, Images(first).Count + Images(second).Count);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_prefix_takes_its_repositories_and_newest_takes_the_last_created_tags()
    {
        using var work = new TempDirectory();

        var team = await ScanAsync(work.File("team"), work.File("cache"), "--tags", "latest", prefix: "team");
        var mixed = await ScanAsync(work.File("mixed"), work.File("cache"), "--tags", "newest:2", prefix: "mixed");

        Assert.Equal([$"{registry.Host}/team/multistage:latest", $"{registry.Host}/team/wasteful:latest"], Images(team).Keys);
        var newestTwo = FleetRegistry.Pushed.Where(p => p.Key.StartsWith("mixed/", StringComparison.Ordinal))
            .OrderByDescending(p => FleetRegistry.Created(p.Value)).Take(2).Select(p => $"{registry.Host}/{p.Key}").Order(StringComparer.Ordinal);
        Assert.Equal(newestTwo, Images(mixed).Keys);
        Assert.Equal([$"{registry.Host}/mixed/app:b-newest", $"{registry.Host}/mixed/app:c-middle"], Images(mixed).Keys);
    }

    private string[] Arguments(string output, params string[] extra) =>
        ["scan-registry", registry.Host, "--output", output, "--db", registry.Database.DbPath, "-q", .. extra];

    private async Task<JsonElement> ScanAsync(string output, string cache, params string[] extra) =>
        await ScanAsync(output, cache, extra, null);

    private async Task<JsonElement> ScanAsync(string output, string cache, string tags, string which, string prefix) =>
        await ScanAsync(output, cache, [tags, which], prefix);

    private async Task<JsonElement> ScanAsync(string output, string cache, string[] extra, string? prefix)
    {
        string[] args = ["scan-registry", prefix is null ? registry.Host : $"{registry.Host}/{prefix}", "--output", output, "--db", registry.Database.DbPath,
            "--cache-dir", cache, "-q", .. extra];
        var result = await CliRunner.RunAsync(args);
        CliAssert.ExitCode(0, result);
        using var summary = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "summary.json"), Cancellation));
        return summary.RootElement.Clone();
    }

    private static JsonElement Summary(string output)
    {
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        return summary.RootElement.Clone();
    }

    private static SortedDictionary<string, JsonElement> Images(JsonElement summary) =>
        new(summary.GetProperty("images").EnumerateArray().ToDictionary(i => i.GetProperty("reference").GetString()!), StringComparer.Ordinal);

    private static (int Hits, int Misses) CacheCounters(JsonElement summary) =>
        (summary.GetProperty("cache").GetProperty("layerHits").GetInt32(), summary.GetProperty("cache").GetProperty("layerMisses").GetInt32());

    private static JsonElement ReadReport(string output, JsonElement line)
    {
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, line.GetProperty("report").GetString()!)));
        Assert.Equal(line.GetProperty("grade").GetString(), report.RootElement.GetProperty("grade").GetString());
        return report.RootElement.Clone();
    }

    /// <summary>A report less what may differ between runs: which of an image's references scanned it, and the order of warnings.</summary>
    private static string Comparable(string path)
    {
        using var report = JsonDocument.Parse(File.ReadAllBytes(path));
        var parts = report.RootElement.EnumerateObject()
            .Where(p => p.Name is not ("image" or "warnings"))
            .Select(p => $"{p.Name}={p.Value.GetRawText()}")
            .Append("warnings=" + string.Join('|', report.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).Order(StringComparer.Ordinal)));
        return string.Join('\n', parts);
    }
}
