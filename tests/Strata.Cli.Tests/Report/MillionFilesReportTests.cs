using System.Globalization;
using Strata.TestKit;

namespace Strata.Cli.Tests.Report;

/// <summary>
/// The scale target on the benchmarks' generated image of 1,000,000 entries (generated on first use into
/// $TMPDIR/strata-bench, shared with bench/Strata.Benchmarks): the page stays under
/// 10 MB and draws without errors. The time it took is written to the test output, not asserted.
/// </summary>
public sealed class MillionFilesReportTests
{
    [Fact(Timeout = 600_000)]
    public async Task The_million_file_report_stays_under_10_MB_and_draws_without_errors()
    {
        var layout = Strata.Benchmarks.MillionFilesImage.EnsureLayout();
        var token = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory();
        var html = await ReportBrowser.WriteAsync(folder, $"oci:{layout}:{Strata.Benchmarks.MillionFilesImage.Tag}");
        var bytes = new FileInfo(html).Length;
        Assert.True(bytes < 10_000_000, $"{bytes} bytes");

        var (browser, page) = await ReportBrowser.OpenAsync(html, token);
        await using var _ = browser;
        var drawn = (await page.EvaluateAsync("+document.body.dataset.drawnMs", token)).GetInt32();
        var boxes = (await page.EvaluateAsync("document.querySelectorAll('.box').length", token)).GetInt32();
        await page.ScreenshotAsync(ReportBrowser.Artifact("report-million.png"), token);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes, drawn {drawn} ms after navigation, {boxes} boxes on screen"));

        Assert.Empty(page.Errors);
        Assert.True(boxes > 0);
    }
}
