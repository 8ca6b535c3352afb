using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Strata.Analysis;
using Strata.Analysis.Model;
using Strata.Images.Sources;

namespace Strata.Benchmarks;

/// <summary>
/// The first target: analysing the <c>wasteful</c> fixture within 1.3× the time it takes merely to inflate
/// its layer blobs with <see cref="GZipStream"/>, one after the other.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
[GcServer(false)]
[GcConcurrent(true)] // as the CLI runs
[MemoryDiagnoser]
public class WastefulBenchmarks
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private ResolvedImage _image = null!;

    [GlobalSetup]
    public void Setup() => _image = BenchmarkImages.Open(BenchmarkImages.FixtureLayout, BenchmarkImages.WastefulTag);

    [GlobalCleanup]
    public void Cleanup() => _image.Dispose();

    [Benchmark(Baseline = true)]
    public long InflateLayersWithGZipStream()
    {
        long total = 0;
        foreach (var layer in _image.Layers)
        {
            using var gzip = new GZipStream(layer.Open(), CompressionMode.Decompress);
            int read;
            while ((read = gzip.Read(_buffer, 0, _buffer.Length)) > 0)
            {
                total += read;
            }
        }
        return total;
    }

    [Benchmark]
    public ImageAnalysis AnalyzeWasteful() => ImageAnalyzer.Analyze(_image, new AnalysisOptions());
}
