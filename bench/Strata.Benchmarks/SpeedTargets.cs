using System.Diagnostics;
using System.Globalization;

namespace Strata.Benchmarks;

/// <summary>
/// The issue's speed targets as interleaved rounds, for a machine whose load changes while it runs: each round runs the
/// verified-read floor (in this process), <c>strata analyze</c> and, where asked, <c>strata sbom</c> and Trivy on the
/// image's docker archive (as processes, under /usr/bin/time for their peak RSS), in an order that rotates from round
/// to round. Prints every round, then each one's median, its peak RSS and the ratios to the targets.
/// Usage: <c>targets wasteful|big|million [rounds] [sbom]</c> (default 6 rounds after one discarded warm-up).
/// STRATA_BENCH_BEFORE_CLI names another strata (the build before a change) to run in the same rounds.
/// </summary>
internal static class SpeedTargets
{
    public static int Run(string[] args)
    {
        var image = args.Length > 0 ? args[0] : TargetImages.Wasteful;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 6;
        var withSbom = args.Contains("sbom");
        var strata = StrataCli.Find();
        var work = Directory.CreateTempSubdirectory("strata-bench-targets-").FullName;
        try
        {
            var (layout, tag) = TargetImages.Layout(image);
            using var opened = BenchmarkImages.Open(layout, tag);
            var archive = withSbom ? SbomBenchmarks.DockerArchive(image, work) : "";
            var steps = new List<(string Name, Func<(double Seconds, long PeakKb)> Run)>
            {
                ("floor", () => (Seconds(() => VerifiedReadFloor.Read(opened)), 0)),
                ("analyze", () => Timed(strata.ToString(), ["analyze", TargetImages.OciReference(image), "-q", "-o", Path.Combine(work, "analysis.txt")])),
            };
            if (withSbom)
            {
                steps.Add(("sbom", () => Timed(strata.ToString(), ["sbom", "docker-archive:" + archive, "--format", "cyclonedx-json", "-o", Path.Combine(work, "strata.json")])));
                steps.Add(("trivy", () => Timed(SbomBenchmarks.TrivyProgram, SbomBenchmarks.TrivyArguments(archive, work))));
            }
            // Another build (the one before a change) measured in the same rounds, for a before and after under one load.
            if (Environment.GetEnvironmentVariable("STRATA_BENCH_BEFORE_CLI") is { Length: > 0 } before)
            {
                steps.Add(("analyze-before", () => Timed(before, ["analyze", TargetImages.OciReference(image), "-q", "-o", Path.Combine(work, "analysis-before.txt")])));
                if (withSbom)
                {
                    steps.Add(("sbom-before", () => Timed(before, ["sbom", "docker-archive:" + archive, "--format", "cyclonedx-json", "-o", Path.Combine(work, "strata-before.json")])));
                }
            }
            Console.WriteLine($"{image}: {opened.Layers.Count} layers, {opened.Layers.Sum(l => l.StoredSize):N0} bytes stored; {strata}; {Environment.ProcessorCount} cores");
            var results = steps.ToDictionary(s => s.Name, _ => new List<(double Seconds, long PeakKb)>());
            for (var round = 0; round <= rounds; round++)
            {
                var line = new List<string>();
                for (var i = 0; i < steps.Count; i++)
                {
                    var (name, run) = steps[(i + round) % steps.Count];
                    var result = run();
                    line.Add($"{name} {result.Seconds:F2} s" + (result.PeakKb > 0 ? $" {result.PeakKb / 1024} MB" : ""));
                    if (round > 0)
                    {
                        results[name].Add(result);
                    }
                }
                Console.WriteLine((round == 0 ? "warm-up (discarded): " : $"round {round,2}: ") + string.Join(", ", line));
            }
            Console.WriteLine("medians (min-max), peak RSS max:");
            foreach (var (name, values) in results)
            {
                var seconds = values.Select(v => v.Seconds).ToList();
                Console.WriteLine($"  {name,-8} {Median(seconds),6:F2} s ({seconds.Min():F2}-{seconds.Max():F2})" +
                    (values.Max(v => v.PeakKb) is > 0 and var kb ? $", {kb / 1024} MB" : ""));
            }
            foreach (var analyze in new[] { "analyze", "analyze-before" }.Where(results.ContainsKey))
            {
                if (image == TargetImages.Million)
                {
                    // The million-file image's own target: a time and a peak, not a ratio to the floor.
                    var worst = results[analyze].MaxBy(v => v.Seconds);
                    Console.WriteLine($"  {analyze}: slowest {worst.Seconds:F2} s (target <= 7), peak RSS {results[analyze].Max(v => v.PeakKb) / 1024} MB (target <= 400)");
                }
                else
                {
                    Ratio(results, analyze, "floor", 1.3);
                }
            }
            if (withSbom)
            {
                Ratio(results, "sbom", "trivy", 0.5);
                if (results.ContainsKey("sbom-before"))
                {
                    Ratio(results, "sbom-before", "trivy", 0.5);
                }
                Console.WriteLine($"  sbom peak RSS - analyze peak RSS: {(results["sbom"].Max(v => v.PeakKb) - results["analyze"].Max(v => v.PeakKb)) / 1024} MB (target <= 50)");
            }
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The median of the rounds' ratios: each round's pair ran under the same load.</summary>
    private static void Ratio(Dictionary<string, List<(double Seconds, long PeakKb)>> results, string top, string bottom, double target)
    {
        var ratios = results[top].Zip(results[bottom], (t, b) => t.Seconds / b.Seconds).ToList();
        Console.WriteLine($"  {top} / {bottom}: median {Median(ratios):F2} (min {ratios.Min():F2}, max {ratios.Max():F2}); target <= {target:F2}");
    }

    private static double Seconds(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Runs a program under /usr/bin/time: its wall time from here, its peak RSS as time reports it.</summary>
    private static (double Seconds, long PeakKb) Timed(string program, string[] arguments)
    {
        var report = Path.GetTempFileName();
        try
        {
            string[] all = ["-f", "%M", "-o", report, .. program.Split(' '), .. arguments];
            var seconds = Seconds(() => SbomBenchmarks.Run("/usr/bin/time", all));
            return (seconds, long.Parse(File.ReadAllText(report).Trim().Split('\n')[^1], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
