using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Strata.Analysis;
using Strata.Analysis.Model;
using Strata.Images.Sources;

namespace Strata.Benchmarks;

/// <summary>The second target: a generated image of 1,000,000 entries in 3 gzip layers.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[GcServer(false)]
[GcConcurrent(true)] // as the CLI runs
[MemoryDiagnoser]
public class MillionFilesBenchmarks
{
    private ResolvedImage _image = null!;

    [GlobalSetup]
    public void Setup() => _image = BenchmarkImages.Open(MillionFilesImage.EnsureLayout(), MillionFilesImage.Tag);

    [GlobalCleanup]
    public void Cleanup() => _image.Dispose();

    [Benchmark]
    public ImageAnalysis AnalyzeMillionFiles() => ImageAnalyzer.Analyze(_image, new AnalysisOptions());
}
