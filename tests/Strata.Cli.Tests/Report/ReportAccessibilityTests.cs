using System.Text;
using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Report;

/// <summary>The page works from the keyboard, its text meets WCAG's contrast minimum, and it prints to a sensible PDF.</summary>
public sealed class ReportAccessibilityTests(WastefulReport wasteful) : IClassFixture<WastefulReport>
{
    [Fact(Timeout = 180_000)]
    public async Task The_size_map_and_the_layers_work_from_the_keyboard()
    {
        var token = TestContext.Current.CancellationToken;
        var html = wasteful.Html;
        var (browser, page) = await ReportBrowser.OpenAsync(html, token);
        await using var _ = browser;

        await page.EvaluateAsync("document.querySelector('.box.top[data-path=\"/var\"]').focus()", token);
        await page.PressAsync("Enter", token);
        await page.WaitUntilAsync("document.querySelector('.crumb.current')?.textContent === 'var'", token);
        // Focus moved into the folder, so the keyboard can go on.
        Assert.Equal("/var", (await page.EvaluateAsync("document.activeElement.dataset.path.replace(/\\/[^/]+$/, '')", token)).GetString());
        await page.PressAsync("Escape", token);
        await page.WaitUntilAsync("document.querySelector('.crumb.current')?.textContent === '/'", token);
        Assert.Equal("/var", (await page.EvaluateAsync("document.activeElement.dataset.path", token)).GetString());

        await page.EvaluateAsync("document.querySelector('button.layer-button[data-layer=\"6\"]').focus()", token);
        await page.PressAsync("Enter", token);
        await page.WaitUntilAsync("document.activeElement?.id === 'layer-detail-title'", token);
        Assert.StartsWith("Layer 6", (await page.EvaluateAsync("document.activeElement.textContent", token)).GetString(), StringComparison.Ordinal);
        Assert.Empty(page.Errors);
    }

    /// <summary>WCAG 2's contrast ratio of every text's colour against the colour behind it (patterned backgrounds are left out).</summary>
    private const string LowContrast = """
        (() => {
          const rgb = (c) => { const m = c.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
          const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const behind = (e) => { for (; e; e = e.parentElement) { const s = getComputedStyle(e); if (s.backgroundImage !== 'none') return null; const c = rgb(s.backgroundColor); if (c.a > 0.99) return c; } return { r: 255, g: 255, b: 255 }; };
          const low = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const e = n.parentElement;
            if (!n.textContent.trim() || !e || e.closest('script, [hidden], .tip')) continue;
            const back = behind(e);
            if (!back) continue;
            const fore = rgb(getComputedStyle(e).color);
            const [hi, lo] = [lum(fore), lum(back)].sort((x, y) => y - x);
            const ratio = (hi + 0.05) / (lo + 0.05);
            if (ratio < 4.5) low.push(`${e.tagName}.${e.className}: ${ratio.toFixed(2)} '${n.textContent.trim().slice(0, 30)}'`);
          }
          return low;
        })()
        """;

    [Fact(Timeout = 180_000)]
    public async Task Every_text_has_at_least_WCAGs_contrast_of_4_5_to_1()
    {
        var token = TestContext.Current.CancellationToken;
        var html = wasteful.Html;
        var (browser, page) = await ReportBrowser.OpenAsync(html, token);
        await using var _ = browser;
        await page.ClickAsync("button.layer-button[data-layer=\"2\"]", token);
        await page.WaitUntilAsync("!!document.querySelector('.changes')", token);

        var low = (await page.EvaluateAsync(LowContrast, token)).EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Empty(low);
    }

    [Fact(Timeout = 180_000)]
    public async Task Print_hides_the_controls_and_keeps_the_content()
    {
        var token = TestContext.Current.CancellationToken;
        var html = wasteful.Html;
        var (browser, page) = await ReportBrowser.OpenAsync(html, token);
        await using var _ = browser;

        await page.EmulateMediaAsync("print", token);
        var hidden = await page.EvaluateAsync("['nav', '.controls', '.skip'].map(s => [...document.querySelectorAll(s)].every(e => getComputedStyle(e).display === 'none'))", token);
        var shown = await page.EvaluateAsync("['#summary', '#map .treemap', '#layers table', '#packages table'].map(s => getComputedStyle(document.querySelector(s)).display !== 'none')", token);
        var pdf = await page.PrintToPdfAsync(token);

        Assert.All(hidden.EnumerateArray(), h => Assert.Equal(JsonValueKind.True, h.ValueKind));
        Assert.All(shown.EnumerateArray(), s => Assert.Equal(JsonValueKind.True, s.ValueKind));
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        await File.WriteAllBytesAsync(ReportBrowser.Artifact("report-wasteful.pdf"), pdf, token);
        Assert.Empty(page.Errors);
    }
}
