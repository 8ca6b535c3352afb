using System.Diagnostics;
using System.Text;

namespace Strata.Fuzz;

/// <summary>What one run of the real strata executable did: exit code, output, peak memory, whether it had to be killed.</summary>
internal sealed record RunResult(int? ExitCode, string StandardOutput, string StandardError, long PeakBytes, TimeSpan Elapsed, string? KilledBecause)
{
    /// <summary>The child's processor time (user and system), which a loaded machine does not inflate as it does the wall clock.</summary>
    public TimeSpan ProcessorTime { get; init; }
}

/// <summary>
/// Runs <c>dotnet strata.dll</c> in a sandbox, with home, temporary folder and caches pointing into it, sampling the
/// child's peak resident memory (VmHWM) and processor time, and killing it past the time or memory bound: processor
/// time catches slow parsing whatever the machine's load, the wall clock catches a child that waits forever.
/// </summary>
internal static class StrataRun
{
    private const int CapturedChars = 256 * 1024;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(25);

    public static string StrataDll => Path.Combine(AppContext.BaseDirectory, "strata.dll");

    public static async Task<RunResult> RunAsync(IReadOnlyList<string> arguments, Sandbox sandbox, TimeSpan processorLimit, TimeSpan wallLimit, long killAboveBytes)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = sandbox.Work,
        };
        start.ArgumentList.Add(StrataDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["HOME"] = sandbox.Home;
        start.Environment["TMPDIR"] = sandbox.Temp;
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(sandbox.Home, ".cache");
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(sandbox.Home, ".config");
        start.Environment["DOCKER_CONFIG"] = Path.Combine(sandbox.Home, ".docker");
        start.Environment["STRATA_CACHE_DIR"] = sandbox.Cache;
        start.Environment["CI"] = "false";
        start.Environment.Remove("STRATA_DEBUG");
        // The runtime's own diagnostics IPC socket would otherwise appear in TMPDIR, and it is no file strata wrote.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        var output = ReadBoundedAsync(process.StandardOutput);
        var error = ReadBoundedAsync(process.StandardError);
        long peak = 0;
        var processor = TimeSpan.Zero;
        string? killed = null;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakResidentBytes(process.Id));
            processor = Max(processor, ProcessorTime(process.Id));
            if (peak > killAboveBytes)
            {
                killed = $"resident memory passed {killAboveBytes / (1024 * 1024)} MB";
            }
            else if (processor > processorLimit)
            {
                killed = $"used more than {processorLimit.TotalSeconds:0} s of processor time";
            }
            else if (clock.Elapsed > wallLimit)
            {
                killed = $"still running after {wallLimit.TotalSeconds:0} s (using {processor.TotalSeconds:0.0} s of processor time)";
            }
            if (killed is not null)
            {
                process.Kill(entireProcessTree: true);
                break;
            }
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(SampleEvery));
        }
        await process.WaitForExitAsync();
        clock.Stop();
        return new RunResult(killed is null ? process.ExitCode : null, await output, await error, peak, clock.Elapsed, killed) { ProcessorTime = processor };
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>User plus system time from /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s), zero once it is gone.</summary>
    private static TimeSpan ProcessorTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(ticks * 10);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return TimeSpan.Zero;
    }

    /// <summary>The process's high-water resident set (VmHWM), 0 once it is gone.</summary>
    private static long PeakResidentBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }

    /// <summary>Reads a stream to its end, keeping the first characters only, so endless output cannot exhaust the fuzzer.</summary>
    private static async Task<string> ReadBoundedAsync(StreamReader reader)
    {
        var kept = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            if (kept.Length < CapturedChars)
            {
                kept.Append(buffer, 0, Math.Min(read, CapturedChars - kept.Length));
            }
        }
        return kept.ToString();
    }
}
