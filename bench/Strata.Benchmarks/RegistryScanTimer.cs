using System.Diagnostics;
using System.Globalization;

namespace Strata.Benchmarks;

/// <summary>
/// <see cref="RegistryScanBenchmarks"/>' three cases timed in turn, in this process, with the best and median of each
/// and the ratio the issue sets (20 images warm within 1.5× one first scan). Usage: <c>registry-scan [repeats]</c>.
/// For a busy machine, where BenchmarkDotNet's separate build of the benchmark process may not finish in time.
/// </summary>
internal static class RegistryScanTimer
{
    public static int Run(string[] args)
    {
        var repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var bench = new RegistryScanBenchmarks();
        bench.Setup();
        try
        {
            var times = new Dictionary<string, List<double>>
            {
                ["one image, first scan (empty cache)"] = [],
                ["20 images, warm cache"] = [],
                ["20 images, only the Debian layer cached"] = [],
            };
            var cases = times.Keys.ToList();
            for (var run = 0; run < repeats; run++)
            {
                Time(times[cases[0]], bench.EmptyCache, () => bench.OneImageFirstScan(), bench.CloseCache);
                Time(times[cases[1]], bench.WarmCache, () => bench.TwentyImagesWarm(), bench.CloseCache);
                Time(times[cases[2]], bench.BaseKnownCache, () => bench.TwentyImagesBaseKnown(), bench.CloseCache);
            }
            Console.WriteLine($"{Environment.ProcessorCount} cores, {repeats} runs each");
            foreach (var (name, list) in times)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-42} best {list.Min(),8:F0} ms   median {Median(list),8:F0} ms"));
            }
            var one = Median(times[cases[0]]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio, medians: 20 warm / 1 first = {Median(times[cases[1]]) / one:F2} (target <= 1.5); 20 base-known / 1 first = {Median(times[cases[2]]) / one:F2}"));
        }
        finally
        {
            bench.Cleanup();
        }
        return 0;
    }

    private static void Time(List<double> into, Action setup, Action work, Action cleanup)
    {
        setup();
        var watch = Stopwatch.StartNew();
        work();
        into.Add(watch.Elapsed.TotalMilliseconds);
        cleanup();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
