using System.Diagnostics;
using System.Globalization;

namespace Strata.Benchmarks;

/// <summary>
/// <see cref="PullBenchmarks"/> as interleaved pairs: skopeo and strata alternate (each pair in the other order from
/// the last), so a machine whose load changes during the run slows both alike. Prints each pair, the medians and the
/// median of the pairs' ratios. Usage: <c>pull [pairs]</c> (default 10, after one pair discarded as a warm-up).
/// </summary>
internal static class PullPairs
{
    public static int Run(string[] args)
    {
        var pairs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var bench = new PullBenchmarks();
        bench.Setup();
        try
        {
            var skopeo = new List<double>();
            var strata = new List<double>();
            for (var pair = 0; pair <= pairs; pair++)
            {
                var skopeoFirst = pair % 2 == 0;
                var first = Time(bench, skopeoFirst ? bench.SkopeoCopy : bench.StrataPull);
                var second = Time(bench, skopeoFirst ? bench.StrataPull : bench.SkopeoCopy);
                var (skopeoMs, strataMs) = skopeoFirst ? (first, second) : (second, first);
                if (pair == 0)
                {
                    Console.WriteLine($"warm-up: skopeo {skopeoMs:F0} ms, strata {strataMs:F0} ms (discarded)");
                    continue;
                }
                skopeo.Add(skopeoMs);
                strata.Add(strataMs);
                Console.WriteLine($"pair {pair,2}: skopeo {skopeoMs,5:F0} ms, strata {strataMs,5:F0} ms, ratio {strataMs / skopeoMs:F2}");
            }
            var ratios = strata.Zip(skopeo, (t, s) => t / s).ToList();
            Console.WriteLine($"median: skopeo {Median(skopeo):F0} ms, strata {Median(strata):F0} ms; median ratio {Median(ratios):F2} " +
                $"(min {ratios.Min():F2}, max {ratios.Max():F2}); target 1.20");
            return 0;
        }
        finally
        {
            bench.Cleanup();
        }
    }

    private static double Time(PullBenchmarks bench, Func<int> run)
    {
        bench.MakeFolders();
        try
        {
            var clock = Stopwatch.StartNew();
            run();
            return clock.Elapsed.TotalMilliseconds;
        }
        finally
        {
            bench.DeleteFolders();
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
