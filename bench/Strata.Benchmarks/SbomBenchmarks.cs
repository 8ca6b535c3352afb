using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Strata.TestKit;

namespace Strata.Benchmarks;

/// <summary>
/// The SBOM target: <c>strata sbom</c> on an image as a docker archive within 0.5× Trivy's wall time on the same
/// file: <c>wasteful</c>, and the 1.3 GB <c>big</c> image when STRATA_BENCH_BIG names it (see <see cref="TargetImages"/>).
/// Both run as processes; Trivy is the one .ci/run unpacks (STRATA_TRIVY names another).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 6)]
public class SbomBenchmarks
{
    private StrataCli _strata = null!;
    private string _work = null!;
    private string _archive = null!;
    private string _trivy = null!;

    [ParamsSource(nameof(Images))]
    public string Image { get; set; } = TargetImages.Wasteful;

    public static IEnumerable<string> Images => TargetImages.Available(withMillion: false);

    [GlobalSetup]
    public void Setup()
    {
        _strata = StrataCli.Find();
        _trivy = TrivyProgram;
        _work = Directory.CreateTempSubdirectory("strata-bench-sbom-").FullName;
        _archive = DockerArchive(Image, _work);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    [Benchmark(Baseline = true)]
    public int Trivy() => Run(_trivy, TrivyArguments(_archive, _work));

    [Benchmark]
    public int StrataSbom() => RunStrataSbom(_strata, _archive, Path.Combine(_work, "strata.json"));

    public static string TrivyProgram =>
        Environment.GetEnvironmentVariable("STRATA_TRIVY") is { Length: > 0 } set ? set : "/opt/strata-tools/trivy";

    /// <summary>Trivy offline (no database update, no scan), CycloneDX out; jars skipped as Strata reads them differently.</summary>
    public static string[] TrivyArguments(string archive, string work) =>
        ["image", "--input", archive, "--format", "cyclonedx", "--skip-db-update", "--offline-scan",
            "--skip-files", "**/*.jar", "--cache-dir", Path.Combine(work, "trivy-cache"), "-o", Path.Combine(work, "trivy.json")];

    /// <summary>The image as a docker archive: <c>big</c>'s own, or <c>wasteful</c> copied there with skopeo.</summary>
    public static string DockerArchive(string image, string work)
    {
        if (image == TargetImages.Big)
        {
            return TargetImages.BigDockerArchive;
        }
        var archive = Path.Combine(work, "wasteful.tar");
        Run("skopeo", ["--insecure-policy", "copy", $"oci:{Fixtures.OciLayout}:wasteful", $"docker-archive:{archive}:fixture/wasteful:latest"]);
        return archive;
    }

    internal static int RunStrataSbom(StrataCli strata, string archive, string output)
    {
        var result = strata.Run(["sbom", "docker-archive:" + archive, "--format", "cyclonedx-json", "-o", output],
            new Dictionary<string, string> { ["CI"] = "false" });
        return result.Succeeded ? 0 : throw new InvalidOperationException($"strata sbom failed: {result}");
    }

    public static int Run(string program, IEnumerable<string> arguments)
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
