using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Strata.TestKit;

namespace Strata.Benchmarks;

/// <summary>
/// The SBOM target: <c>strata sbom</c> on <c>wasteful</c> as a docker archive within 0.5× Trivy's wall time on
/// the same file. Both run as processes; Trivy is the one .ci/run unpacks (STRATA_TRIVY names another).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 6)]
public class SbomBenchmarks
{
    private StrataCli _strata = null!;
    private string _work = null!;
    private string _archive = null!;
    private string _trivy = null!;

    [GlobalSetup]
    public void Setup()
    {
        _strata = StrataCli.Find();
        _trivy = Environment.GetEnvironmentVariable("STRATA_TRIVY") is { Length: > 0 } set ? set : "/opt/strata-tools/trivy";
        _work = Directory.CreateTempSubdirectory("strata-bench-sbom-").FullName;
        _archive = Path.Combine(_work, "wasteful.tar");
        Run("skopeo", ["--insecure-policy", "copy", $"oci:{Fixtures.OciLayout}:wasteful", $"docker-archive:{_archive}:fixture/wasteful:latest"]);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    [Benchmark(Baseline = true)]
    public int Trivy() => Run(_trivy, ["image", "--input", _archive, "--format", "cyclonedx", "--skip-db-update", "--offline-scan",
        "--skip-files", "**/*.jar", "--cache-dir", Path.Combine(_work, "trivy-cache"), "-o", Path.Combine(_work, "trivy.json")]);

    [Benchmark]
    public int StrataSbom()
    {
        var result = _strata.Run(["sbom", "docker-archive:" + _archive, "--format", "cyclonedx-json", "-o", Path.Combine(_work, "strata.json")],
            new Dictionary<string, string> { ["CI"] = "false" });
        return result.Succeeded ? 0 : throw new InvalidOperationException($"strata sbom failed: {result}");
    }

    private static int Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return process.ExitCode == 0
            ? 0
            : throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {output.GetAwaiter().GetResult()}{error.GetAwaiter().GetResult()}");
    }
}
