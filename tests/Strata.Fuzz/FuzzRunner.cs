using System.Diagnostics;
using System.Globalization;

namespace Strata.Fuzz;

/// <summary>Runs cases, each in its own sandbox against the real strata executable, and checks the promise on each.</summary>
internal static class FuzzRunner
{
    /// <summary>Past this the child is killed rather than left to exhaust the machine; the promise itself is 300 MB.</summary>
    private const long KillAboveBytes = 1024L * 1024 * 1024;

    public static async Task<IReadOnlyList<CaseResult>> RunAsync(FuzzOptions options, Action<string> print, CancellationToken cancellationToken)
    {
        if (!File.Exists(StrataRun.StrataDll))
        {
            throw new FileNotFoundException($"strata.dll not found beside the fuzzer ({StrataRun.StrataDll}); build tests/Strata.Fuzz first");
        }
        var deadline = options.Minutes is { } minutes ? Stopwatch.GetTimestamp() + (long)(minutes * 60 * Stopwatch.Frequency) : long.MaxValue;
        IEnumerable<int> seeds;
        if (options.Seeds.Count > 0)
        {
            seeds = options.Seeds;
        }
        else
        {
            var start = options.StartSeed ?? Random.Shared.Next(1, 1_000_000_000);
            var count = options.Cases ?? (options.Minutes is null ? 50 : int.MaxValue - start);
            print($"fuzzing from seed {start}, {(options.Minutes is { } m ? $"for {m.ToString(CultureInfo.InvariantCulture)} minutes" : $"{count} cases")}, {options.Parallel} at once");
            seeds = Enumerable.Range(start, count);
        }
        var results = new List<CaseResult>();
        await Parallel.ForEachAsync(seeds.TakeWhile(_ => Stopwatch.GetTimestamp() < deadline),
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = cancellationToken },
            async (seed, _) =>
            {
                if (options.DescribeOnly)
                {
                    print(await DescribeAsync(seed));
                    return;
                }
                var result = await RunCaseAsync(seed, options.Keep);
                lock (results)
                {
                    results.Add(result);
                    print(result.Failed || options.Verbose ? result.Report().TrimEnd() : result.Summary);
                }
            });
        results.Sort((a, b) => a.Seed.CompareTo(b.Seed));
        PrintSummary(results, print);
        return results;
    }

    public static async Task<CaseResult> RunCaseAsync(int seed, bool keep = false)
    {
        var sandbox = new Sandbox(seed);
        var failed = false;
        try
        {
            PreparedCase prepared;
            try
            {
                prepared = CaseGenerator.Prepare(seed, sandbox);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException or IndexOutOfRangeException)
            {
                failed = true;
                return new CaseResult(seed, "the fuzzer could not build this case", [], null, [new Violation("fuzzer", e.ToString())]);
            }
            await using (prepared)
            {
                var before = sandbox.Snapshot();
                var run = await StrataRun.RunAsync(prepared.Arguments, sandbox, PromiseCheck.ProcessorLimit, PromiseCheck.WallLimit, KillAboveBytes);
                var changes = Sandbox.Changes(before, sandbox.Snapshot());
                var violations = PromiseCheck.Check(prepared, run, changes, sandbox.OutputHoldsLeak());
                failed = violations.Count > 0;
                return new CaseResult(seed, prepared.Description, prepared.Arguments, run, violations);
            }
        }
        finally
        {
            if (!(keep && failed))
            {
                sandbox.Dispose();
            }
        }
    }

    private static async Task<string> DescribeAsync(int seed)
    {
        using var sandbox = new Sandbox(seed);
        await using var prepared = CaseGenerator.Prepare(seed, sandbox);
        return $"seed {seed}: {TarMutator.Printable(prepared.Description)}";
    }

    private static void PrintSummary(List<CaseResult> results, Action<string> print)
    {
        var failures = results.Where(r => r.Failed).ToList();
        print($"{results.Count} cases, {failures.Count} failed");
        foreach (var group in failures.SelectMany(r => r.Classes().Distinct().Select(c => (Class: c, r.Seed))).GroupBy(x => x.Class).OrderByDescending(g => g.Count()))
        {
            print($"  {group.Count(),3} x {group.Key}: seeds {string.Join(", ", group.Select(x => x.Seed).Take(8))}");
        }
    }
}
