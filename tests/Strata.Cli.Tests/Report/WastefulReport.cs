using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Report;

/// <summary>
/// <c>strata report</c> of wasteful and <c>strata analyze --format json</c> of it, made once for each class of
/// browser tests that only read them (each test opens the page afresh).
/// </summary>
public sealed class WastefulReport : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();

    /// <summary>The report's HTML file.</summary>
    public string Html { get; private set; } = "";

    /// <summary>analyze's JSON of the same image: the numbers the page must show.</summary>
    public JsonDocument Analysis { get; private set; } = JsonDocument.Parse("{}");

    public async ValueTask InitializeAsync()
    {
        Html = await ReportBrowser.WriteAsync(_folder, ReportBrowser.Wasteful);
        Analysis.Dispose();
        Analysis = await ReportBrowser.AnalyzeJsonAsync(ReportBrowser.Wasteful);
    }

    public ValueTask DisposeAsync()
    {
        Analysis.Dispose();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
