using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Strata.TestKit;

namespace Strata.Benchmarks;

/// <summary>
/// The slim issue's speed figures, all as whole processes in one run: <c>strata slim</c> of <c>wasteful</c> to an OCI
/// layout, against <c>strata analyze</c> of the same image and <c>skopeo copy</c> of it to an OCI layout. Every slim and
/// copy writes to a fresh, empty folder.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 8)]
public class SlimBenchmarks
{
    private static readonly Dictionary<string, string> Environment = new() { ["CI"] = "false", ["NO_COLOR"] = "1" };

    private StrataCli _strata = null!;
    private string _work = null!;
    private string _image = null!;
    private int _run;

    [GlobalSetup]
    public void Setup()
    {
        _strata = StrataCli.Find();
        _work = Directory.CreateTempSubdirectory("strata-bench-slim-").FullName;
        _image = $"oci:{Fixtures.OciLayout}:wasteful";
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    [IterationCleanup]
    public void RemoveOutputs()
    {
        foreach (var folder in Directory.EnumerateDirectories(_work))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Benchmark(Baseline = true)]
    public int StrataAnalyze() => Check(_strata.Run(["analyze", _image, "-f", "json", "-o", Path.Combine(_work, "analysis.json")], Environment), "analyze");

    [Benchmark]
    public int StrataSlim() => Check(_strata.Run(["slim", _image, $"oci:{NewFolder()}:wasteful", "-f", "json", "-o", Path.Combine(_work, "slim.json")], Environment), "slim");

    [Benchmark]
    public int SkopeoCopy()
    {
        var start = new ProcessStartInfo("skopeo") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--insecure-policy", "copy", "-q", _image, $"oci:{NewFolder()}:wasteful" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start skopeo");
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException($"skopeo copy failed ({process.ExitCode}): {error.GetAwaiter().GetResult()}");
    }

    private string NewFolder() => Path.Combine(_work, $"out-{++_run}");

    private static int Check(ToolResult result, string what) =>
        result.Succeeded ? 0 : throw new InvalidOperationException($"strata {what} failed: {result}");
}
