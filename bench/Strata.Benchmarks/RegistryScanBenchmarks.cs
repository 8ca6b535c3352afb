using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Strata.Analysis;
using Strata.Policy.Assessment;
using Strata.Policy.Fleet;
using Strata.Policy.Policies;
using Strata.Sbom.Cache;
using Strata.Vulnerabilities.Store;

namespace Strata.Benchmarks;

/// <summary>
/// The scan-registry target: scanning 20 images that share the Debian base, with a warm layer cache, within
/// 1.5× the time of scanning one of them (as a first scan: nothing cached). Each scan is what scan-registry does per
/// image: the one read (analysis, SBOM, secrets, advice), the vulnerability scan against the shared advisories, the
/// policies; the 20 are scanned as scan-registry scans them, its default number (2) at once. <see cref="TwentyImagesBaseKnown"/> is the case between: only the Debian layer cached, each image's own
/// layer read.
/// </summary>
[Config(typeof(InProcessMonitoring))]
public class RegistryScanBenchmarks
{
    /// <summary>
    /// Run in the host process (whose project already sets the CLI's workstation, non-concurrent GC): on a busy
    /// 2-core machine BenchmarkDotNet's separate build of a benchmark process can pass its two-minute limit.
    /// </summary>
    private sealed class InProcessMonitoring : ManualConfig
    {
        public InProcessMonitoring() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(8).WithToolchain(InProcessEmitToolchain.Instance));
    }

    public const int Images = 20;

    private string _work = null!;
    private string _layout = null!;
    private AdvisoryStore _store = null!;
    private LayerResultCache? _cache;

    [GlobalSetup]
    public void Setup()
    {
        _work = Directory.CreateTempSubdirectory("strata-bench-registry-").FullName;
        _layout = SharedBaseImages.Create(Path.Combine(_work, "layout"), Images);
        var database = Path.Combine(_work, "osv.sqlite");
        var advisories = Path.Combine(Path.GetDirectoryName(BenchmarkImages.FixtureLayout)!, "..", "advisories");
        AdvisoryImport.Import(database, [(advisories, advisories)], new ImportOptions(), CancellationToken.None);
        _store = AdvisoryStore.Open(database);
        // The warm cache: every image scanned once.
        using var warm = new LayerResultCache(Path.Combine(_work, "warm.sqlite"));
        ScanAll(warm);
        // The cache that knows only the Debian layer: the fixture base image scanned once.
        using var baseKnown = new LayerResultCache(Path.Combine(_work, "base.sqlite"));
        Scan(BenchmarkImages.FixtureLayout, "base", baseKnown);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [IterationSetup(Target = nameof(OneImageFirstScan))]
    public void EmptyCache() => _cache = Fresh(null);

    [IterationSetup(Target = nameof(TwentyImagesWarm))]
    public void WarmCache() => _cache = Fresh("warm.sqlite");

    [IterationSetup(Target = nameof(TwentyImagesBaseKnown))]
    public void BaseKnownCache() => _cache = Fresh("base.sqlite");

    [IterationCleanup]
    public void CloseCache() => _cache?.Dispose();

    [Benchmark(Baseline = true)]
    public int OneImageFirstScan() => Scan(_layout, "app-0", _cache!);

    [Benchmark]
    public int TwentyImagesWarm() => ScanAll(_cache!);

    [Benchmark]
    public int TwentyImagesBaseKnown() => ScanAll(_cache!);

    /// <summary>The 20 images as scan-registry takes them: its default number at once.</summary>
    private int ScanAll(LayerResultCache cache)
    {
        var total = 0;
        Parallel.For(0, Images, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, i => Interlocked.Add(ref total, Scan(_layout, $"app-{i}", cache)));
        return total;
    }

    private static readonly int Concurrency = new RegistryScanOptions { Target = new RegistryTarget("localhost", null), OutputFolder = "" }.Concurrency;

    private int Scan(string layout, string tag, LayerResultCache cache)
    {
        using var image = BenchmarkImages.Open(layout, tag);
        var assessment = ImageAssessor.Assess(image, new AnalysisOptions { LayerCache = cache }, new AssessmentOptions { Advisories = _store });
        return PolicyEvaluator.Evaluate(assessment, PolicySet.Default).Policies.Count + assessment.Sbom.Packages.Count;
    }

    /// <summary>A copy of a prepared cache (or none), so that no iteration finds what an earlier one left.</summary>
    private LayerResultCache Fresh(string? prepared)
    {
        var path = Path.Combine(_work, "iteration.sqlite");
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
        if (prepared is not null)
        {
            File.Copy(Path.Combine(_work, prepared), path);
        }
        return new LayerResultCache(path);
    }
}
