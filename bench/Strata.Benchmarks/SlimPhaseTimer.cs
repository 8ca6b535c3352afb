using System.Diagnostics;
using Strata.Analysis;
using Strata.Analysis.Base;
using Strata.Analysis.Proof;
using Strata.Analysis.Slim;
using Strata.Images.Layers;

namespace Strata.Benchmarks;

/// <summary>
/// A quick breakdown of a slim of <c>wasteful</c>, in one process: the analysis, the plan, and for each layer written
/// anew its source inflated alone, rewritten to nowhere, and rewritten and compressed; then the read-back and proof.
/// Usage: <c>slim-phases [repeats] [gzip|zstd] [level]</c>. The whole command's phases: <c>STRATA_DEBUG=1 strata slim …</c>.
/// </summary>
internal static class SlimPhaseTimer
{
    public static int Run(string[] args)
    {
        var repeats = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1;
        var compression = new LayerCompressionOptions(
            args.Length > 1 && args[1] == "zstd" ? Compression.Zstd : Compression.Gzip,
            args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : null);
        using var image = BenchmarkImages.Open(BenchmarkImages.FixtureLayout, BenchmarkImages.WastefulTag);
        var options = new AnalysisOptions();
        var work = Directory.CreateTempSubdirectory("strata-slim-phases-").FullName;
        try
        {
            for (var run = 0; run < repeats; run++)
            {
                var analysis = Time("analyse", () => ImageAnalyzer.Analyze(image, options));
                var baseLayers = BaseImageDetector.Detect(image.Config).Layers ?? 0;
                var plan = Time("plan", () => SlimPlanner.Plan(analysis, new SlimOptions { BaseLayers = baseLayers }));
                var openTar = SlimSource.OpenTar(image);
                Directory.CreateDirectory(Path.Combine(work, $"raw-{run}"));
                Directory.CreateDirectory(Path.Combine(work, $"one-{run}"));
                foreach (var layer in plan.Layers.Where(l => l.CopiedFrom is null))
                {
                    var sources = string.Join("+", layer.Sources.Select(s => s.SourceLayer));
                    Time($"  layer {layer.Index} (from {sources}): inflate + verify", () => layer.Sources.Sum(s => Drain(openTar(s.SourceLayer))));
                    Time($"  layer {layer.Index}: rewrite, uncompressed", () => SlimLayerWriter.WriteOne(
                        layer, openTar, new LayerCompressionOptions(Compression.None), Path.Combine(work, $"raw-{run}")));
                    Time($"  layer {layer.Index}: rewrite + {compression.Compression} {compression.EffectiveLevel}", () => SlimLayerWriter.WriteOne(
                        layer, openTar, compression, Path.Combine(work, $"one-{run}")));
                }
                var written = Time("write new layers (as slim does)", () => SlimLayerWriter.Write(plan, openTar, compression, Path.Combine(work, $"all-{run}")));
                var output = Time("read back new layers", () => OutputReadBack.Read(analysis, plan, written, options));
                Time("proof", () => FileSystemProof.Compare(analysis.Layers, output, plan.Removed.Select(r => r.Path)));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
        return 0;
    }

    private static long Drain(Stream stream)
    {
        using (stream)
        {
            var buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                total += read;
            }
            return total;
        }
    }

    private static T Time<T>(string name, Func<T> step)
    {
        var wall = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = step();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{name,-48} {wall.Elapsed.TotalSeconds,7:F3} s wall {used.TotalSeconds,7:F3} s cpu");
        return result;
    }
}
