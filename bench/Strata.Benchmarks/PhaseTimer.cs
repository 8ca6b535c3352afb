using System.Diagnostics;
using System.IO.Compression;
using Strata.Analysis;
using Strata.Analysis.Dive;
using Strata.Analysis.Model;
using Strata.Analysis.Overlay;
using Strata.Images.Layers;
using Strata.Images.Sources;

namespace Strata.Benchmarks;

/// <summary>
/// A quick breakdown of where an analysis spends its time: each step of <see cref="ImageAnalyzer.Analyze"/> timed on
/// its own, after the cheaper steps it builds on (inflating alone, inflating and hashing), with the managed heap left.
/// Usage: <c>phases wasteful|big|million [repeats]</c>. Not a substitute for the benchmarks: one process, few runs.
/// </summary>
internal static class PhaseTimer
{
    public static int Run(string[] args)
    {
        var which = args.Length > 0 ? args[0] : "wasteful";
        var repeats = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
        var (layout, tag) = TargetImages.Layout(which);
        using var image = BenchmarkImages.Open(layout, tag);
        var options = new AnalysisOptions();
        Console.WriteLine($"{which}: {image.Layers.Count} layers, {image.Layers.Sum(l => l.StoredSize):N0} bytes stored, {Environment.ProcessorCount} cores");
        var best = new Dictionary<string, double>();
        for (var run = 0; run < repeats; run++)
        {
            Time(best, "inflate only (GZipStream, sequential)", () => InflateAll(image));
            Time(best, "inflate + SHA-256 x2 (LayerDecoder, sequential)", () => DecodeAll(image, options));
            Time(best, "verified-read floor (parallel)", () => VerifiedReadFloor.Read(image));
            Time(best, "read layers (tar + XxHash3, sequential)", () => image.Layers.Select(l => ImageAnalyzer.ReadLayer(l, options, null, _ => { })).ToArray());
            var layers = Time(best, "read layers (parallel, as Analyze does)", () => ImageAnalyzer.ReadLayers(image, options, null, _ => { }, default));
            var merged = Time(best, "merge (MergedFileSystem.Apply)", () =>
            {
                var fs = new MergedFileSystem();
                foreach (var layer in layers)
                {
                    fs.Apply(layer.Index, layer.Entries);
                }
                return fs;
            });
            Time(best, "DiveEfficiency.Compute", () => DiveEfficiency.Compute(layers));
            Time(best, "WasteFinder.DeadFiles", () => WasteFinder.DeadFiles(layers));
            Time(best, "WasteFinder.Duplicates", () => WasteFinder.Duplicates(merged));
            Time(best, "layer sums (SizeBytes, Dead/LiveBytes, Count)", () => layers.Sum(l => l.SizeBytes + l.DeadBytes + l.LiveBytes + l.Count(ChangeKind.Modified)));
            Console.WriteLine($"  entries: {layers.Sum(l => l.Entries.Count):N0}; managed heap with layers + merged tree alive: {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB");
            GC.KeepAlive(merged);
            layers = null;
            merged = null;
            GC.Collect();
            Time(best, "ImageAnalyzer.Analyze (whole)", () => ImageAnalyzer.Analyze(image, options));
        }
        Console.WriteLine($"  peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        if (repeats > 1)
        {
            Console.WriteLine("best of each:");
            foreach (var (name, seconds) in best)
            {
                Console.WriteLine($"  {name,-50} {seconds,8:F3} s");
            }
        }
        return 0;
    }

    private static T Time<T>(Dictionary<string, double> best, string name, Func<T> step)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var startHeap = GC.GetTotalMemory(forceFullCollection: false);
        long peakHeap = startHeap, peakRss = Environment.WorkingSet;
        using var done = new ManualResetEventSlim();
        // Samples the heap and working set while the step runs: the peak a step reaches is what RSS limits see.
        var sampler = new Thread(() =>
        {
            while (!done.Wait(5))
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                peakRss = Math.Max(peakRss, Environment.WorkingSet);
            }
        }) { IsBackground = true };
        sampler.Start();
        var clock = Stopwatch.StartNew();
        var result = step();
        var seconds = clock.Elapsed.TotalSeconds;
        done.Set();
        sampler.Join();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
        Console.WriteLine(
            $"  {name,-50} {seconds,8:F3} s wall {cpuSeconds,8:F3} s cpu {allocatedMb,7:F0} MB allocated, " +
            $"heap {startHeap / 1e6,5:F0} -> peak {peakHeap / 1e6,5:F0} MB, working set peak {peakRss / 1e6,5:F0} MB");
        best[name] = best.TryGetValue(name, out var previous) ? Math.Min(previous, seconds) : seconds;
        return result;
    }

    private static long InflateAll(ResolvedImage image)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        foreach (var layer in image.Layers)
        {
            using var gzip = new GZipStream(layer.Open(), CompressionMode.Decompress);
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
            }
        }
        return total;
    }

    private static long DecodeAll(ResolvedImage image, AnalysisOptions options)
    {
        long total = 0;
        foreach (var layer in image.Layers)
        {
            using var decoder = new LayerDecoder(layer, options.MaxLayerSize);
            total += decoder.Finish().UncompressedSize;
        }
        return total;
    }
}
