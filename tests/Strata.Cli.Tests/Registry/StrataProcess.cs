using System.Diagnostics;

namespace Strata.Cli.Tests.Registry;

/// <summary>The real strata executable in its own process, for tests that kill it or run two at once.</summary>
internal static class StrataProcess
{
    /// <param name="redirectInput">Gives the test the process's standard input (to pipe an image into <c>strata analyze -</c>).</param>
    public static Process Start(
        IEnumerable<string> args, string cacheDirectory, IReadOnlyDictionary<string, string>? environment = null, bool redirectInput = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "strata.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["STRATA_CACHE_DIR"] = cacheDirectory;
        start.Environment["CI"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>Sends a signal as a terminal's Ctrl+C (INT) or a service manager (TERM) would.</summary>
    public static async Task SignalAsync(Process process, string signal, CancellationToken cancellationToken)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })
            ?? throw new InvalidOperationException("kill did not start");
        await kill.WaitForExitAsync(cancellationToken);
        Assert.Equal(0, kill.ExitCode);
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(
        IEnumerable<string> args, string cacheDirectory, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(args, cacheDirectory, environment);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await error);
    }
}
