using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Strata.TestKit.Browser;

/// <summary>
/// Debian's chromium, started headless with its own empty profile and driven over the DevTools protocol (the port
/// it picks is read from its "DevTools listening on ws://..." line). Disposing closes it and removes the profile.
/// </summary>
public sealed partial class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _profile;
    private readonly DevToolsConnection _connection;

    private HeadlessChromium(Process process, TempDirectory profile, DevToolsConnection connection)
    {
        _process = process;
        _profile = profile;
        _connection = connection;
    }

    /// <summary>chromium's path, or an error naming the Debian package (test.sh installs it).</summary>
    public static string Executable => ExternalTool.Find("chromium", "chromium");

    public static async Task<HeadlessChromium> StartAsync(CancellationToken cancellationToken)
    {
        var profile = new TempDirectory();
        var start = new ProcessStartInfo(Executable)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--mute-audio", "--hide-scrollbars",
            "--remote-debugging-port=0", "--remote-allow-origins=*", $"--user-data-dir={profile.Path}", "--window-size=1280,900", "about:blank"])
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start chromium");
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        try
        {
            var endpoint = await EndpointAsync(process, cancellationToken);
            _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
            var connection = await DevToolsConnection.ConnectAsync(endpoint, cancellationToken);
            return new HeadlessChromium(process, profile, connection);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            profile.Dispose();
            throw;
        }
    }

    /// <summary>Opens a new tab, attached, with the runtime, page, log and network domains reporting.</summary>
    public async Task<BrowserPage> NewPageAsync(CancellationToken cancellationToken)
    {
        var target = await _connection.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, cancellationToken);
        var attached = await _connection.SendAsync("Target.attachToTarget",
            new JsonObject { ["targetId"] = target.GetProperty("targetId").GetString(), ["flatten"] = true }, null, cancellationToken);
        var page = new BrowserPage(_connection, attached.GetProperty("sessionId").GetString()!);
        await page.EnableAsync(cancellationToken);
        return page;
    }

    private static async Task<Uri> EndpointAsync(Process process, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var seen = new List<string>();
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.Add(line);
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
        }
        throw new InvalidOperationException($"chromium exited before its DevTools endpoint was up:\n{string.Join('\n', seen.TakeLast(20))}");
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex ListeningLine();

    public async ValueTask DisposeAsync()
    {
        using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _connection.SendAsync("Browser.close", null, null, closing.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            // Closing anyway, below.
        }
        await _connection.DisposeAsync();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
        _process.Dispose();
        _profile.Dispose();
    }
}
