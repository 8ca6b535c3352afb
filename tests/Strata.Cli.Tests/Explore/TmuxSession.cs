using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Strata.Cli.Tests.Explore;

/// <summary>
/// A real terminal for the real program: a detached tmux session on its own server (its socket in a folder of its
/// own, removed afterwards), driven with send-keys
/// and read with capture-pane. The command runs under sh, which prints "[exit N]" when it ends, so a test can wait
/// for the exit code on the screen.
/// </summary>
internal sealed partial class TmuxSession : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("strata-tmux-").FullName;

    private string Socket => Path.Combine(_folder, "socket");

    private TmuxSession()
    {
    }

    public static async Task<TmuxSession> StartAsync(
        string command, string workingDirectory, IReadOnlyDictionary<string, string> environment, int width = 120, int height = 40)
    {
        var session = new TmuxSession();
        var exports = string.Join(' ', environment.Select(e => $"{e.Key}={Quote(e.Value)}"));
        var shell = $"env {exports} {command}; echo \"[exit $?]\"; sleep 600";
        await session.TmuxAsync(["new-session", "-d", "-s", "t", "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", workingDirectory, shell]);
        return session;
    }

    /// <summary>Keys as tmux names them (<c>C-f</c>, <c>Tab</c>, <c>Escape</c>), or text with <paramref name="literal"/>.</summary>
    public Task SendAsync(string keys, bool literal = false) =>
        TmuxAsync(literal ? ["send-keys", "-t", "t", "-l", keys] : ["send-keys", "-t", "t", keys]);

    /// <summary>Resizes the terminal, as a user dragging the window's corner does.</summary>
    public Task ResizeAsync(int width, int height) => TmuxAsync(["resize-window", "-t", "t",
        "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    public Task<string> CaptureAsync() => TmuxAsync(["capture-pane", "-p", "-t", "t"]);

    /// <summary>Polls the screen until it matches, failing with the last screen after a generous time.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> condition, string what, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        string screen;
        do
        {
            screen = await CaptureAsync();
            if (condition(screen))
            {
                return screen;
            }
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"timed out waiting for {what}; the screen was:\n{screen}");
        return screen;
    }

    public Task<string> WaitForAsync(string text, int timeoutSeconds = 60) =>
        WaitForAsync(s => s.Contains(text, StringComparison.Ordinal), $"'{text}'", timeoutSeconds);

    /// <summary>The text of the pane whose frame title contains <paramref name="title"/>, line by line, borders cut off.</summary>
    public static IReadOnlyList<string> Pane(string screen, string title)
    {
        var lines = screen.Split('\n');
        var top = Array.FindIndex(lines, l => l.Contains(title, StringComparison.Ordinal));
        Assert.True(top >= 0, $"no pane titled '{title}' on the screen:\n{screen}");
        // The pane's left border is the last corner before the title on its top line.
        var left = lines[top].LastIndexOf('╭', lines[top].IndexOf(title, StringComparison.Ordinal));
        var right = lines[top].IndexOf('╮', left);
        var content = new List<string>();
        for (var i = top + 1; i < lines.Length && lines[i].Length > left && lines[i][left] == '│'; i++)
        {
            content.Add(lines[i][(left + 1)..Math.Min(right, lines[i].Length)]);
        }
        return content;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private async Task<string> TmuxAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-S");
        start.ArgumentList.Add(Socket);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("tmux did not start (./test.sh installs it)");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed: {await error}");
        }
        return await output;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await TmuxAsync(["kill-server"]);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"\[exit (\d+)\]")]
    public static partial Regex ExitLine();
}
