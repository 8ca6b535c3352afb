using System.Diagnostics;
using System.Runtime;
using Spectre.Console;

namespace Strata.Cli;

/// <summary>
/// With <c>STRATA_DEBUG=1</c>, what the runtime spent on a command besides its own work (time since the process
/// started, methods compiled at run time, garbage collections, bytes allocated), for finding where a run's time goes.
/// </summary>
internal static class RuntimeStatistics
{
    public static void Write(CliContext context)
    {
        if (context.GetEnvironmentVariable("STRATA_DEBUG") != "1")
        {
            return;
        }
        using var process = Process.GetCurrentProcess();
        var sinceStart = DateTime.Now - process.StartTime;
        context.Error.WriteLine(
            $"runtime: {sinceStart.TotalSeconds:F3} s since start, {process.TotalProcessorTime.TotalSeconds:F3} s CPU; "
            + $"jit {JitInfo.GetCompiledMethodCount()} methods in {JitInfo.GetCompilationTime().TotalSeconds:F3} s; "
            + $"gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), "
            + $"paused {GC.GetTotalPauseDuration().TotalSeconds:F3} s, {GC.GetTotalAllocatedBytes() / (1024 * 1024)} MiB allocated, "
            + $"{GCSettings.LatencyMode}");
    }
}
