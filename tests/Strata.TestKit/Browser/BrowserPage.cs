using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.TestKit.Browser;

/// <summary>
/// One tab: loads a page, evaluates script in it, clicks with real mouse events, takes screenshots, and keeps what
/// the page reported: its console errors and uncaught exceptions, and every network request it made.
/// </summary>
public sealed class BrowserPage
{
    private readonly DevToolsConnection _connection;
    private readonly string _session;

    internal BrowserPage(DevToolsConnection connection, string session)
    {
        _connection = connection;
        _session = session;
    }

    internal async Task EnableAsync(CancellationToken cancellationToken)
    {
        foreach (var domain in (string[])["Runtime.enable", "Page.enable", "Log.enable", "Network.enable"])
        {
            await SendAsync(domain, null, cancellationToken);
        }
    }

    private IEnumerable<DevToolsEvent> MyEvents => _connection.Events.Where(e => e.SessionId == _session);

    /// <summary>Console errors, uncaught exceptions and error log entries (such as refused loads), as text.</summary>
    public IReadOnlyList<string> Errors => MyEvents.SelectMany(ErrorText).ToList();

    /// <summary>The URL of every request the page sent, the page's own load included.</summary>
    public IReadOnlyList<string> Requests => MyEvents
        .Where(e => e.Method == "Network.requestWillBeSent")
        .Select(e => e.Params.GetProperty("request").GetProperty("url").GetString() ?? "")
        .ToList();

    /// <summary>Loads the URL and waits for the load event, then for <paramref name="readyExpression"/> to be true.</summary>
    public async Task LoadAsync(string url, string readyExpression, CancellationToken cancellationToken)
    {
        var loaded = WaitForEventAsync("Page.loadEventFired", cancellationToken);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url }, cancellationToken);
        await loaded;
        await WaitUntilAsync(readyExpression, cancellationToken);
    }

    /// <summary>Polls an expression until it is true (bounded by a generous timeout, so a broken page fails rather than hangs).</summary>
    public async Task WaitUntilAsync(string expression, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!(await EvaluateAsync(expression, timeout.Token)).ValueKind.Equals(JsonValueKind.True))
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>The expression's value, as JSON (returned by value; a promise is awaited); a thrown error throws.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate",
            new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }, cancellationToken);
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"the page threw evaluating {expression}: {exception}");
        }
        var value = result.GetProperty("result");
        return value.TryGetProperty("value", out var json) ? json.Clone() : default;
    }

    /// <summary>Moves the mouse over the middle of the first element matching the CSS selector (after scrolling it into view).</summary>
    public async Task HoverAsync(string selector, CancellationToken cancellationToken)
    {
        var (x, y) = await CentreAsync(selector, cancellationToken);
        await MouseAsync("mouseMoved", x, y, cancellationToken);
    }

    /// <summary>Clicks the middle of the first element matching the CSS selector with real mouse events (after scrolling it into view).</summary>
    public async Task ClickAsync(string selector, CancellationToken cancellationToken)
    {
        var (x, y) = await CentreAsync(selector, cancellationToken);
        await MouseAsync("mouseMoved", x, y, cancellationToken);
        await MouseAsync("mousePressed", x, y, cancellationToken);
        await MouseAsync("mouseReleased", x, y, cancellationToken);
    }

    private async Task<(double X, double Y)> CentreAsync(string selector, CancellationToken cancellationToken)
    {
        var box = await EvaluateAsync(
            $"(() => {{ const e = document.querySelector({JsonSerializer.Serialize(selector)}); if (!e) return null; e.scrollIntoView({{block: 'center'}}); " +
            "const r = e.getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()", cancellationToken);
        if (box.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"no element matches {selector}");
        }
        return (box.GetProperty("x").GetDouble(), box.GetProperty("y").GetDouble());
    }

    /// <summary>Presses a key (Enter, Escape, Backspace, Tab) on the focused element, as the keyboard sends it.</summary>
    public async Task PressAsync(string key, CancellationToken cancellationToken)
    {
        var code = key switch
        {
            "Enter" => 13,
            "Escape" => 27,
            "Backspace" => 8,
            "Tab" => 9,
            _ => throw new ArgumentException($"no key code for {key}", nameof(key)),
        };
        // Enter carries its text, so a focused button is activated as by a real keyboard; the others are raw key downs.
        var down = new JsonObject { ["type"] = key == "Enter" ? "keyDown" : "rawKeyDown", ["key"] = key, ["code"] = key, ["windowsVirtualKeyCode"] = code, ["nativeVirtualKeyCode"] = code };
        if (key == "Enter")
        {
            down["text"] = "\r";
        }
        await SendAsync("Input.dispatchKeyEvent", down, cancellationToken);
        await SendAsync("Input.dispatchKeyEvent",
            new JsonObject { ["type"] = "keyUp", ["key"] = key, ["code"] = key, ["windowsVirtualKeyCode"] = code, ["nativeVirtualKeyCode"] = code }, cancellationToken);
    }

    /// <summary>Renders the page as for print (the print stylesheet applies) or back as for the screen.</summary>
    public Task EmulateMediaAsync(string media, CancellationToken cancellationToken) =>
        SendAsync("Emulation.setEmulatedMedia", new JsonObject { ["media"] = media }, cancellationToken);

    /// <summary>The page printed to PDF, as the browser's print dialog would save it.</summary>
    public async Task<byte[]> PrintToPdfAsync(CancellationToken cancellationToken)
    {
        var pdf = await SendAsync("Page.printToPDF", new JsonObject { ["printBackground"] = true }, cancellationToken);
        return Convert.FromBase64String(pdf.GetProperty("data").GetString()!);
    }

    /// <summary>A PNG of the top of the page, down to <paramref name="height"/> pixels (beyond the window), written to <paramref name="path"/>.</summary>
    public async Task ScreenshotAsync(string path, CancellationToken cancellationToken, int height = 2000)
    {
        var width = (await EvaluateAsync("document.documentElement.scrollWidth", cancellationToken)).GetDouble();
        var full = (await EvaluateAsync("document.documentElement.scrollHeight", cancellationToken)).GetDouble();
        var clip = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = width, ["height"] = Math.Min(full, height), ["scale"] = 1 };
        var shot = await SendAsync("Page.captureScreenshot",
            new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true, ["clip"] = clip }, cancellationToken);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot.GetProperty("data").GetString()!), cancellationToken);
    }

    private Task MouseAsync(string type, double x, double y, CancellationToken cancellationToken) =>
        SendAsync("Input.dispatchMouseEvent",
            new JsonObject { ["type"] = type, ["x"] = x, ["y"] = y, ["button"] = "left", ["clickCount"] = 1 }, cancellationToken);

    private Task<JsonElement> SendAsync(string method, JsonObject? parameters, CancellationToken cancellationToken) =>
        _connection.SendAsync(method, parameters, _session, cancellationToken);

    private async Task WaitForEventAsync(string method, CancellationToken cancellationToken)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Listen(DevToolsEvent e)
        {
            if (e.SessionId == _session && e.Method == method)
            {
                fired.TrySetResult();
            }
        }
        _connection.EventReceived += Listen;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await fired.Task.WaitAsync(timeout.Token);
        }
        finally
        {
            _connection.EventReceived -= Listen;
        }
    }

    private static IEnumerable<string> ErrorText(DevToolsEvent e)
    {
        switch (e.Method)
        {
            case "Runtime.exceptionThrown":
                yield return "exception: " + e.Params.GetProperty("exceptionDetails");
                break;
            case "Runtime.consoleAPICalled" when e.Params.GetProperty("type").GetString() is "error" or "assert":
                yield return "console: " + e.Params.GetProperty("args");
                break;
            case "Log.entryAdded" when e.Params.GetProperty("entry").GetProperty("level").GetString() == "error":
                yield return "log: " + e.Params.GetProperty("entry").GetProperty("text").GetString();
                break;
        }
    }
}
