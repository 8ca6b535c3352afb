using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Strata.Vulnerabilities.Matching;
using Strata.Vulnerabilities.Osv;
using Strata.Vulnerabilities.Store;

namespace Strata.Benchmarks;

/// <summary>
/// The database targets: importing 100,000 records (from an export zip, into a new database) under 30 s, and
/// matching 2,000 packages against a database of 200,000 records under 1 s (opening it, then
/// <see cref="VulnerabilityMatcher.MatchAll"/> on the packages: lookups, parsing, ranges, alias merging and severity).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[GcServer(false)]
[GcConcurrent(true)] // as the CLI runs
[MemoryDiagnoser]
public class AdvisoryStoreBenchmarks
{
    public const int ImportedRecords = 100_000;
    public const int StoredRecords = 200_000;
    public const int LookedUpPackages = 2_000;

    private string _work = null!;
    private string _importZip = null!;
    private string _lookupDatabase = null!;
    private IReadOnlyList<(string Ecosystem, string Name)> _lookups = null!;

    [GlobalSetup]
    public void Setup()
    {
        _work = Directory.CreateTempSubdirectory("strata-bench-osv-").FullName;
        _importZip = SyntheticAdvisories.EnsureZip(ImportedRecords);
        _lookupDatabase = EnsureLookupDatabase();
        _lookups = SyntheticAdvisories.Lookups(LookedUpPackages);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    [IterationSetup(Target = nameof(Import100kRecords))]
    public void RemoveImported() => File.Delete(Path.Combine(_work, "import.sqlite"));

    [Benchmark]
    public long Import100kRecords() => Import(Path.Combine(_work, "import.sqlite"), _importZip).Added;

    [Benchmark]
    public int Match2000PackagesAgainst200kRecords() => Match(_lookupDatabase, _lookups).Findings;

    /// <summary>The 200,000-record database, built once beside the cached zips.</summary>
    public static string EnsureLookupDatabase()
    {
        var path = Path.Combine(SyntheticAdvisories.Folder, $"osv-{StoredRecords}.sqlite");
        if (!File.Exists(path))
        {
            Import(path, SyntheticAdvisories.EnsureZip(StoredRecords));
        }
        return path;
    }

    public static ImportCounts Import(string database, string zip) =>
        AdvisoryImport.Import(database, [(zip, zip)], new ImportOptions { Strict = true }, CancellationToken.None);

    /// <summary>Opens the store and matches the packages the lookups name: how many findings, and how many records were found.</summary>
    public static (int Findings, long Records) Match(string database, IReadOnlyList<(string Ecosystem, string Name)> lookups)
    {
        using var store = AdvisoryStore.Open(database);
        var findings = 0;
        foreach (var (os, packages) in SyntheticPackages.From(lookups))
        {
            findings += VulnerabilityMatcher.MatchAll(packages, os, store).Findings.Count;
        }
        return (findings, lookups.Sum(l => (long)store.Find(l.Ecosystem, l.Name).Count));
    }

    /// <summary>Opens the store and finds every package's records: how many packages had some, and how many records in all.</summary>
    public static (int Found, long Records) Lookup(string database, IReadOnlyList<(string Ecosystem, string Name)> lookups)
    {
        using var store = AdvisoryStore.Open(database);
        var found = 0;
        long records = 0;
        foreach (var (ecosystem, name) in lookups)
        {
            IReadOnlyList<OsvRecord> matches = store.Find(ecosystem, name);
            found += matches.Count > 0 ? 1 : 0;
            records += matches.Count;
        }
        return (found, records);
    }
}
