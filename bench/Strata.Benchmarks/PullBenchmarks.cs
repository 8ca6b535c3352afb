using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Strata.TestKit;

namespace Strata.Benchmarks;

/// <summary>
/// The issue's pull target: <c>strata pull</c> of <c>wasteful</c> from a local registry into an OCI layout within
/// 1.2× the time <c>skopeo copy</c> needs for the same transfer. Both run as processes (skopeo can only run so),
/// each iteration into a fresh, empty folder, and strata with a fresh, empty cache, so both download every blob.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 8)]
public class PullBenchmarks
{
    private const string Repository = "team/wasteful:v1";

    private RegistryServer _registry = null!;
    private StrataCli _strata = null!;
    private string _work = null!;
    private string _target = null!;
    private string _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        _strata = StrataCli.Find();
        _work = Directory.CreateTempSubdirectory("strata-bench-pull-").FullName;
        _registry = RegistryServer.StartAsync(RegistryAuth.Open).GetAwaiter().GetResult();
        _registry.CopyWithSkopeoAsync(RegistryServer.FixtureImage(BenchmarkImages.WastefulTag), Repository).GetAwaiter().GetResult();
        CheckSameTransfer();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _registry.Dispose();
        DeleteFolder(_work);
    }

    [IterationSetup]
    public void MakeFolders()
    {
        // Both in one work folder, so both tools write to the same file system.
        _target = Path.Combine(_work, "target");
        _cache = Path.Combine(_work, "cache");
        DeleteFolder(_target);
        DeleteFolder(_cache);
        Directory.CreateDirectory(_target);
        Directory.CreateDirectory(_cache);
    }

    [IterationCleanup]
    public void DeleteFolders()
    {
        DeleteFolder(_target);
        DeleteFolder(_cache);
    }

    [Benchmark(Baseline = true)]
    public int SkopeoCopy() => Skopeo(_target);

    [Benchmark]
    public int StrataPull() => Strata(_target, _cache);

    private int Skopeo(string target)
    {
        var result = _registry.RunSkopeoAsync(
            "--insecure-policy", "copy", "--src-tls-verify=false", _registry.DockerReference(Repository), $"oci:{target}:v1")
            .GetAwaiter().GetResult();
        return result.Succeeded ? result.ExitCode : throw new InvalidOperationException($"skopeo copy failed: {result}");
    }

    private int Strata(string target, string cache)
    {
        var result = _strata.Run(
            ["pull", $"{_registry.Host}/{Repository}", "--output", $"oci:{target}:v1", "--cache-dir", cache],
            // Away from any login the machine has, as RunSkopeoAsync keeps skopeo.
            new Dictionary<string, string> { ["DOCKER_CONFIG"] = Path.Combine(_work, "no-docker-config"), ["CI"] = "false" });
        return result.Succeeded ? result.ExitCode : throw new InvalidOperationException($"{_strata} pull failed: {result}");
    }

    /// <summary>Pulls once with each tool and checks both layouts hold the same blobs: the two measure the same transfer.</summary>
    private void CheckSameTransfer()
    {
        var skopeoTarget = Path.Combine(_work, "check-skopeo");
        var strataTarget = Path.Combine(_work, "check-strata");
        Skopeo(skopeoTarget);
        Strata(strataTarget, Path.Combine(_work, "check-cache"));
        var skopeoBlobs = BlobNames(skopeoTarget);
        var strataBlobs = BlobNames(strataTarget);
        if (!skopeoBlobs.SequenceEqual(strataBlobs))
        {
            throw new InvalidOperationException(
                $"skopeo wrote blobs [{string.Join(", ", skopeoBlobs)}], strata [{string.Join(", ", strataBlobs)}]: not the same transfer");
        }
        Console.WriteLine($"// {_strata}; both wrote {skopeoBlobs.Count} blobs, {BlobBytes(strataTarget):N0} bytes");
        DeleteFolder(skopeoTarget);
        DeleteFolder(strataTarget);
        DeleteFolder(Path.Combine(_work, "check-cache"));
    }

    private static List<string> BlobNames(string layout) =>
        Directory.EnumerateFiles(Path.Combine(layout, "blobs", "sha256")).Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToList();

    private static long BlobBytes(string layout) =>
        Directory.EnumerateFiles(Path.Combine(layout, "blobs", "sha256")).Sum(f => new FileInfo(f).Length);

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>
/// The Release build of the strata CLI, run as a process: the apphost <c>strata</c> where there is one, else
/// <c>dotnet strata.dll</c>. Looked for beside this binary (the project reference copies it there), then in
/// src/Strata.Cli/bin/Release/net10.0 (built with this project in Release). STRATA_BENCH_CLI names another
/// executable instead, such as a published (ReadyToRun or native) strata.
/// </summary>
internal sealed class StrataCli
{
    private readonly string _program;
    private readonly string[] _prefix;

    private StrataCli(string program, string[] prefix)
    {
        _program = program;
        _prefix = prefix;
    }

    public static StrataCli Find()
    {
        if (Environment.GetEnvironmentVariable("STRATA_BENCH_CLI") is { Length: > 0 } chosen)
        {
            return File.Exists(chosen)
                ? new StrataCli(Path.GetFullPath(chosen), [])
                : throw new InvalidOperationException($"STRATA_BENCH_CLI: {chosen} does not exist");
        }
        var folders = new[]
        {
            AppContext.BaseDirectory,
            Path.Combine(Fixtures.RepositoryRoot, "src", "Strata.Cli", "bin", "Release", "net10.0"),
        };
        foreach (var folder in folders)
        {
            var dll = Path.Combine(folder, "strata.dll");
            if (!File.Exists(dll) || !File.Exists(Path.Combine(folder, "strata.runtimeconfig.json")))
            {
                continue;
            }
            var apphost = Path.Combine(folder, "strata");
            return File.Exists(apphost) && !OperatingSystem.IsWindows()
                && (File.GetUnixFileMode(apphost) & UnixFileMode.UserExecute) != 0
                ? new StrataCli(apphost, [])
                : new StrataCli("dotnet", [dll]);
        }
        throw new InvalidOperationException(
            $"strata.dll (with its runtimeconfig) not found in {string.Join(" or ", folders)}: build src/Strata.Cli in Release");
    }

    /// <summary>Runs strata to its end with no input, as the test kit runs skopeo.</summary>
    public ToolResult Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(_program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in _prefix.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {_program}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new ToolResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    public override string ToString() => string.Join(' ', _prefix.Prepend(_program));
}
