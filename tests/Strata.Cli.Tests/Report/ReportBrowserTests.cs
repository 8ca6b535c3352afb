using System.Globalization;
using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Report;

/// <summary>
/// The report of the shared images, opened from file:// in Debian's chromium: it draws without errors and without a
/// single request, its numbers are analyze's, its size map and layer changes show what the images hold.
/// </summary>
public sealed class ReportBrowserTests(WastefulReport wasteful) : IClassFixture<WastefulReport>
{
    [Theory(Timeout = 180_000)]
    [InlineData("wasteful")]
    [InlineData("multistage")]
    public async Task The_page_draws_without_errors_or_requests_and_its_cards_are_analyzes_numbers(string tag)
    {
        var token = TestContext.Current.CancellationToken;
        var image = $"oci:{Fixtures.OciLayout}:{tag}";
        using var folder = new TempDirectory();
        var html = await ReportBrowser.WriteAsync(folder, image);
        using var analyze = await ReportBrowser.AnalyzeJsonAsync(image);
        var (browser, page) = await ReportBrowser.OpenAsync(html, token);
        await using var _ = browser;

        await page.ScreenshotAsync(ReportBrowser.Artifact($"report-{tag}.png"), token);

        Assert.Empty(page.Errors);
        // The page's own load is its only request: no script, style, font or image from anywhere.
        Assert.Equal([ReportBrowser.FileUrl(html)], page.Requests);
        var dive = analyze.RootElement.GetProperty("image");
        var strata = analyze.RootElement.GetProperty("strata");
        var layers = strata.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(layers.Sum(l => l.GetProperty("compressedSizeBytes").GetInt64()), long.Parse(await ReportBrowser.CardValueAsync(page, "compressed", token), CultureInfo.InvariantCulture));
        Assert.Equal(layers.Count, int.Parse(await ReportBrowser.CardValueAsync(page, "layers", token), CultureInfo.InvariantCulture));
        Assert.Equal(dive.GetProperty("efficiencyScore").GetDouble(), double.Parse(await ReportBrowser.CardValueAsync(page, "efficiency", token), CultureInfo.InvariantCulture));
        Assert.Equal(dive.GetProperty("inefficientBytes").GetInt64(), long.Parse(await ReportBrowser.CardValueAsync(page, "wasted", token), CultureInfo.InvariantCulture));
        Assert.Equal(strata.GetProperty("deadBytes").GetInt64(), long.Parse(await ReportBrowser.CardValueAsync(page, "dead", token), CultureInfo.InvariantCulture));
        Assert.Equal(strata.GetProperty("duplicateBytes").GetInt64(), long.Parse(await ReportBrowser.CardValueAsync(page, "duplicates", token), CultureInfo.InvariantCulture));
        // The layers table lists every layer with its command, as analyze reads them.
        var commands = await page.EvaluateAsync("[...document.querySelectorAll('tr.layer-row code.command')].map(e => e.textContent)", token);
        Assert.Equal(layers.Select(l => l.GetProperty("command").GetString()), commands.EnumerateArray().Select(c => c.GetString()));
        // No vulnerability or policy card without --db and --policy: only cards whose data exists.
        Assert.Equal(JsonValueKind.False, (await page.EvaluateAsync("!!document.querySelector('.card[data-card=\"vulnerabilities\"], .card[data-card=\"policy\"], #vulnerabilities, #policy')", token)).ValueKind);
    }

    [Fact(Timeout = 180_000)]
    public async Task The_size_map_zooms_by_clicks_to_a_box_for_the_apt_lists_holding_their_dead_bytes()
    {
        var token = TestContext.Current.CancellationToken;
        var html = wasteful.Html;
        var analyze = wasteful.Analysis;
        var (browser, page) = await ReportBrowser.OpenAsync(html, token);
        await using var _ = browser;

        await page.ClickAsync(".box.top[data-path=\"/var\"]", token);
        await page.WaitUntilAsync("document.querySelector('.crumb.current')?.textContent === 'var'", token);
        await page.ClickAsync(".box.top[data-path=\"/var/lib\"]", token);
        await page.WaitUntilAsync("document.querySelector('.crumb.current')?.textContent === 'lib'", token);

        var lists = await page.EvaluateAsync(
            "(() => { const b = document.querySelector('.box[data-path=\"/var/lib/apt/lists\"]'); return b && { size: +b.dataset.size, " +
            "killers: [...b.querySelectorAll('.box[data-type=\"x\"]'), ...document.querySelectorAll('.box[data-type=\"x\"]')].filter(x => b.contains(x) || x.parentElement === b.parentElement).map(x => +x.dataset.killer) }; })()", token);
        Assert.Equal(JsonValueKind.Object, lists.ValueKind);
        // rm -rf /var/lib/apt/lists/* left the folder holding nothing but the dead bytes analyze lists under it.
        var deadUnderLists = analyze.RootElement.GetProperty("strata").GetProperty("deadFiles").EnumerateArray()
            .Where(d => d.GetProperty("path").GetString()!.StartsWith("/var/lib/apt/lists/", StringComparison.Ordinal))
            .Sum(d => d.GetProperty("sizeBytes").GetInt64());
        Assert.True(deadUnderLists > 80_000_000, $"only {deadUnderLists} dead bytes under the lists");
        Assert.Equal(deadUnderLists, lists.GetProperty("size").GetInt64());
        Assert.Empty(page.Errors);
    }

    [Fact(Timeout = 180_000)]
    public async Task Clicking_a_layer_lists_big_bin_as_removed_in_the_layer_that_removed_it()
    {
        var token = TestContext.Current.CancellationToken;
        var html = wasteful.Html;
        var analyze = wasteful.Analysis;
        var bigBin = analyze.RootElement.GetProperty("strata").GetProperty("deadFiles").EnumerateArray()
            .Single(d => d.GetProperty("path").GetString() == "/tmp/big.bin");
        var removedBy = bigBin.GetProperty("killedBy").GetInt32();
        var storedIn = bigBin.GetProperty("storedIn").GetInt32();
        var (browser, page) = await ReportBrowser.OpenAsync(html, token);
        await using var _ = browser;

        await page.ClickAsync($"button.layer-button[data-layer=\"{removedBy}\"]", token);
        await page.WaitUntilAsync($"document.querySelector('#layer-detail-title')?.textContent.startsWith('Layer {removedBy}')", token);
        var removed = await page.EvaluateAsync("[...document.querySelectorAll('.changes tr[data-change=\"removed\"]')].map(r => r.dataset.path)", token);
        Assert.Contains("/tmp/big.bin", removed.EnumerateArray().Select(p => p.GetString()));

        // The layer that stored it lists it as added, not removed.
        await page.ClickAsync($"button.layer-button[data-layer=\"{storedIn}\"]", token);
        await page.WaitUntilAsync($"document.querySelector('#layer-detail-title')?.textContent.startsWith('Layer {storedIn}')", token);
        var added = await page.EvaluateAsync("[...document.querySelectorAll('.changes tr')].filter(r => r.dataset.path === '/tmp/big.bin').map(r => r.dataset.change)", token);
        Assert.Equal(["added"], added.EnumerateArray().Select(p => p.GetString()));
        Assert.Empty(page.Errors);
    }

    [Fact(Timeout = 180_000)]
    public async Task The_change_table_filters_and_sorts()
    {
        var token = TestContext.Current.CancellationToken;
        var html = wasteful.Html;
        var (browser, page) = await ReportBrowser.OpenAsync(html, token);
        await using var _ = browser;

        // Layer 2 (apt-get install) changes thousands of entries.
        await page.ClickAsync("button.layer-button[data-layer=\"2\"]", token);
        await page.WaitUntilAsync("!!document.querySelector('.changes')", token);
        var sizes = await page.EvaluateAsync("[...document.querySelectorAll('.changes tbody tr')].map(r => r.children[2].textContent)", token);
        Assert.True(sizes.GetArrayLength() > 100);

        await page.EvaluateAsync("(() => { const f = document.querySelector('.layer-detail input.filter'); f.value = 'python3/dist-packages/requests'; f.dispatchEvent(new Event('input')); })()", token);
        var paths = (await page.EvaluateAsync("[...document.querySelectorAll('.changes tbody tr')].map(r => r.dataset.path)", token))
            .EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.Contains("python3/dist-packages/requests", p, StringComparison.Ordinal));

        await page.ClickAsync(".changes th[data-key=\"path\"] button", token);
        var sorted = (await page.EvaluateAsync("[...document.querySelectorAll('.changes tbody tr')].map(r => r.dataset.path)", token))
            .EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Equal(paths.Order(StringComparer.Ordinal), sorted, StringComparer.Ordinal);
        Assert.Empty(page.Errors);
    }

    [Fact(Timeout = 180_000)]
    public async Task Hovering_a_file_shows_its_path_size_and_the_layer_that_added_it()
    {
        var token = TestContext.Current.CancellationToken;
        var html = wasteful.Html;
        var analyze = wasteful.Analysis;
        var (browser, page) = await ReportBrowser.OpenAsync(html, token);
        await using var _ = browser;

        // The largest file box on the first screen.
        var path = (await page.EvaluateAsync(
            "[...document.querySelectorAll('.box[data-type=\"f\"]')].sort((a, b) => b.dataset.size - a.dataset.size)[0].dataset.path", token)).GetString()!;
        await page.HoverAsync($".box[data-type=\"f\"][data-path=\"{path}\"]", token);
        await page.WaitUntilAsync("!document.querySelector('.tip').hidden", token);
        var tip = (await page.EvaluateAsync("document.querySelector('.tip').textContent", token)).GetString()!;

        // dive's file lists: the last layer holding the path is the one whose file the final file system shows.
        var layers = analyze.RootElement.GetProperty("layer").EnumerateArray().ToList();
        var adding = layers.FindLastIndex(l => l.GetProperty("fileList").EnumerateArray().Any(f => "/" + f.GetProperty("path").GetString()!.TrimStart('/') == path));
        Assert.True(adding >= 0, $"{path} is in no layer");
        Assert.StartsWith(path, tip, StringComparison.Ordinal);
        Assert.Contains($"added by layer {adding}", tip, StringComparison.Ordinal);
        Assert.Contains(layers[adding].GetProperty("command").GetString()!.Trim(), tip, StringComparison.Ordinal);
        Assert.Empty(page.Errors);
    }
}
