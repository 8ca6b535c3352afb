using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Strata.Images.Sources;

namespace Strata.Benchmarks;

/// <summary>
/// The analysis target: <c>strata analyze</c> as a whole process (give it the ReadyToRun publish with
/// STRATA_BENCH_CLI) within 1.3× the <see cref="VerifiedReadFloor"/> of the same image, measured in the same run.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 8)]
[GcServer(false)]
[GcConcurrent(true)] // as the CLI runs
public class AnalyzeProcessBenchmarks
{
    private StrataCli _strata = null!;
    private ResolvedImage _image = null!;
    private string _work = null!;

    [ParamsSource(nameof(Images))]
    public string Image { get; set; } = TargetImages.Wasteful;

    public static IEnumerable<string> Images => TargetImages.Available();

    [GlobalSetup]
    public void Setup()
    {
        _strata = StrataCli.Find();
        var (layout, tag) = TargetImages.Layout(Image);
        _image = BenchmarkImages.Open(layout, tag);
        _work = Directory.CreateTempSubdirectory("strata-bench-analyze-").FullName;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _image.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public long VerifiedRead() => VerifiedReadFloor.Read(_image);

    [Benchmark]
    public int StrataAnalyze() => RunAnalyze(_strata, Image, Path.Combine(_work, "analysis.txt"));

    /// <summary>Runs <c>strata analyze</c> quietly, its report to <paramref name="output"/>; fails loudly on any error.</summary>
    internal static int RunAnalyze(StrataCli strata, string image, string output)
    {
        var result = strata.Run(["analyze", TargetImages.OciReference(image), "-q", "-o", output], new Dictionary<string, string> { ["CI"] = "false" });
        return result.Succeeded ? 0 : throw new InvalidOperationException($"strata analyze failed: {result}");
    }
}
