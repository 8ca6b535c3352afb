using System.Diagnostics;
using Strata.TestKit;

namespace Strata.Cli.Tests.Explore;

/// <summary>SIGTERM ends the explorer as it ends every command: the terminal given back, "interrupted", exit 130.</summary>
public sealed class ExploreSignalTests
{
    [Fact(Timeout = 300_000)]
    public async Task Sigterm_stops_the_explorer_with_exit_130()
    {
        using var home = new TempDirectory();
        var marker = "strata-signal-" + Guid.NewGuid().ToString("N")[..8];
        // The program runs under exec -a with a name of its own, so the test finds exactly its process.
        await using var terminal = await TmuxSession.StartAsync(
            $"bash -c 'exec -a {marker} dotnet {Path.Combine(AppContext.BaseDirectory, "strata.dll")} explore oci:../shared/fixtures/images/oci:wasteful'",
            Fixtures.RepositoryRoot,
            new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = home.Path, ["STRATA_CACHE_DIR"] = home.File("cache"), ["CI"] = "false" });
        await terminal.WaitForAsync("Efficiency:", timeoutSeconds: 120);

        var process = Process.GetProcesses().Single(p => ReadCommandLine(p).StartsWith(marker, StringComparison.Ordinal));
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var screen = await terminal.WaitForAsync(s => TmuxSession.ExitLine().IsMatch(s), "the program to exit");
        Assert.Equal("130", TmuxSession.ExitLine().Match(screen).Groups[1].Value);
        Assert.Contains("strata: error: interrupted", screen, StringComparison.Ordinal);
        // The explorer's screen is gone: the terminal is given back.
        Assert.DoesNotContain("Efficiency:", screen, StringComparison.Ordinal);
    }

    private static string ReadCommandLine(Process process)
    {
        try
        {
            return File.ReadAllText($"/proc/{process.Id}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
