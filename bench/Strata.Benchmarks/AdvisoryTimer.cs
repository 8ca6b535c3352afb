using System.Diagnostics;

namespace Strata.Benchmarks;

/// <summary>
/// <c>advisories [repeats]</c>: the database targets timed once each in this process (best of the repeats), for a quick
/// figure without BenchmarkDotNet's separate processes and iterations.
/// </summary>
internal static class AdvisoryTimer
{
    public static int Run(string[] args)
    {
        var repeats = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1;
        var clock = Stopwatch.StartNew();
        var importZip = SyntheticAdvisories.EnsureZip(AdvisoryStoreBenchmarks.ImportedRecords);
        var lookupDatabase = AdvisoryStoreBenchmarks.EnsureLookupDatabase();
        var lookups = SyntheticAdvisories.Lookups(AdvisoryStoreBenchmarks.LookedUpPackages);
        Console.WriteLine($"generated or found the inputs in {clock.Elapsed.TotalSeconds:F1} s; {Environment.ProcessorCount} cores");
        Console.WriteLine($"  import zip: {new FileInfo(importZip).Length / 1e6:F1} MB; lookup database: {new FileInfo(lookupDatabase).Length / 1e6:F1} MB");
        var work = Directory.CreateTempSubdirectory("strata-bench-osv-").FullName;
        try
        {
            double bestImport = double.MaxValue, bestLookup = double.MaxValue;
            for (var run = 0; run < repeats; run++)
            {
                var database = Path.Combine(work, "import.sqlite");
                File.Delete(database);
                clock.Restart();
                var counts = AdvisoryStoreBenchmarks.Import(database, importZip);
                var import = clock.Elapsed.TotalSeconds;
                bestImport = Math.Min(bestImport, import);
                Console.WriteLine($"  import {counts.Added:N0} records: {import:F2} s ({new FileInfo(database).Length / 1e6:F1} MB database)");
                clock.Restart();
                var (found, records) = AdvisoryStoreBenchmarks.Lookup(lookupDatabase, lookups);
                var lookup = clock.Elapsed.TotalSeconds;
                Console.WriteLine($"  look up {lookups.Count:N0} packages in {AdvisoryStoreBenchmarks.StoredRecords:N0} records: {lookup:F3} s ({found:N0} packages with records, {records:N0} records parsed)");
                clock.Restart();
                var (findings, _) = AdvisoryStoreBenchmarks.Match(lookupDatabase, lookups);
                var match = clock.Elapsed.TotalSeconds;
                bestLookup = Math.Min(bestLookup, match);
                Console.WriteLine($"  match {lookups.Count:N0} packages against {AdvisoryStoreBenchmarks.StoredRecords:N0} records: {match:F3} s ({findings:N0} findings)");
            }
            Console.WriteLine($"best: import {bestImport:F2} s (target < 30 s), match {bestLookup:F3} s (target < 1 s)");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
        return 0;
    }
}
