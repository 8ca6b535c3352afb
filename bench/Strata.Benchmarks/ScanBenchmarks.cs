using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Strata.TestKit;

namespace Strata.Benchmarks;

/// <summary>
/// The scan target: <c>strata scan</c> of <c>wasteful</c>, with the database ready, adds under 0.5 s to
/// <c>strata sbom</c> of the same image. Both run as processes; the database holds the 200,000 synthetic records of
/// <see cref="AdvisoryStoreBenchmarks"/> plus the real shared advisories (so the scan has findings to place and write).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 8)]
public class ScanBenchmarks
{
    private static readonly Dictionary<string, string> Environment = new() { ["CI"] = "false", ["NO_COLOR"] = "1" };

    private StrataCli _strata = null!;
    private string _work = null!;
    private string _database = null!;
    private string _image = null!;

    [GlobalSetup]
    public void Setup()
    {
        _strata = StrataCli.Find();
        _work = Directory.CreateTempSubdirectory("strata-bench-scan-").FullName;
        _database = Path.Combine(_work, "osv.sqlite");
        File.Copy(AdvisoryStoreBenchmarks.EnsureLookupDatabase(), _database);
        Check(_strata.Run(["db", "import", "--db", _database, Path.Combine(Fixtures.Shared, "advisories")], Environment), "db import");
        _image = $"oci:{Fixtures.OciLayout}:wasteful";
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    [Benchmark(Baseline = true)]
    public int StrataSbom() => Check(_strata.Run(["sbom", _image, "-f", "json", "-o", Path.Combine(_work, "sbom.json")], Environment), "sbom");

    [Benchmark]
    public int StrataScan() => Check(_strata.Run(["scan", _image, "--db", _database, "-f", "json", "-o", Path.Combine(_work, "scan.json")], Environment), "scan");

    private static int Check(ToolResult result, string what) =>
        result.Succeeded ? 0 : throw new InvalidOperationException($"strata {what} failed: {result}");
}
