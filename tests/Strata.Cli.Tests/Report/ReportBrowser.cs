using System.Text.Json;
using Strata.TestKit;
using Strata.TestKit.Browser;

namespace Strata.Cli.Tests.Report;

/// <summary>Writes a report with the real command line and opens it from file:// in headless chromium.</summary>
internal static class ReportBrowser
{
    /// <summary>What the page sets once it has drawn everything (the size map is laid out in an animation frame).</summary>
    public const string Ready = "document.body.getAttribute('data-ready') === 'true'";

    public static string Wasteful => $"oci:{Fixtures.OciLayout}:wasteful";

    public static string Multistage => $"oci:{Fixtures.OciLayout}:multistage";

    /// <summary>Runs <c>strata report IMAGE -o report.html</c> (plus <paramref name="extra"/>) in <paramref name="folder"/> and returns the file.</summary>
    public static async Task<string> WriteAsync(TempDirectory folder, string image, params string[] extra)
    {
        var result = await CliRunner.RunAsync(["report", image, "-o", "report.html", .. extra], workingDirectory: folder.Path);
        CliAssert.ExitCode(0, result);
        return folder.File("report.html");
    }

    /// <summary><c>strata analyze --format json</c> of the image: the numbers the page must show.</summary>
    public static async Task<JsonDocument> AnalyzeJsonAsync(string image)
    {
        var result = await CliRunner.RunAsync(["analyze", image, "--format", "json"]);
        CliAssert.ExitCode(0, result);
        return JsonDocument.Parse(result.StandardOutputBytes);
    }

    public static string FileUrl(string path) => new Uri(path).AbsoluteUri;

    /// <summary>Where screenshots go: an artifacts folder in the test output folder, kept after the run.</summary>
    public static string Artifact(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public static async Task<(HeadlessChromium Browser, BrowserPage Page)> OpenAsync(string htmlFile, CancellationToken cancellationToken)
    {
        var browser = await HeadlessChromium.StartAsync(cancellationToken);
        try
        {
            var page = await browser.NewPageAsync(cancellationToken);
            await page.LoadAsync(FileUrl(htmlFile), Ready, cancellationToken);
            return (browser, page);
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>A card's exact number, as the page put it in its data-value attribute.</summary>
    public static async Task<string> CardValueAsync(BrowserPage page, string card, CancellationToken cancellationToken) =>
        (await page.EvaluateAsync($"document.querySelector('.card[data-card=\"{card}\"]')?.getAttribute('data-value')", cancellationToken)).GetString()
        ?? throw new InvalidOperationException($"no {card} card");
}
