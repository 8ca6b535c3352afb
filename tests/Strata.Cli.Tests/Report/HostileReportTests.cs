using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Cli.Tests.Report;

/// <summary>
/// An image whose file names, labels, commands and package metadata are markup: the page shows them as text and
/// runs none of it. Each payload would set window.__pwned if it ever ran as script or became an element.
/// </summary>
public sealed class HostileReportTests
{
    private const string ScriptName = "<script>window.__pwned='name'</script>.txt";
    private const string BreakoutName = "\"></div><img src=x onerror=\"window.__pwned='attribute'\">";
    private const string CommentName = "<!--\u2028\u2029--!>&amp;";
    private const string DeadName = "<script>window.__pwned='dead'</script>";
    private const string Command = "/bin/sh -c echo \"<script>window.__pwned='command'</script>\" \"></div><!--";
    private const string BaseLabel = "<script>window.__pwned='label'</script>\"></div>";
    private const string PackageName = "<img src=x onerror=window.__pwned='package'>";

    private static string BuildImage(TempDirectory folder)
    {
        var packageJson = new JsonObject { ["name"] = PackageName, ["version"] = "1.0.0", ["license"] = "</script><script>window.__pwned='license'</script>" };
        var image = new OciImageBuilder
        {
            EditConfig = config =>
            {
                var inner = config["config"] as JsonObject ?? [];
                config["config"] = inner;
                inner["Labels"] = new JsonObject { ["org.opencontainers.image.base.name"] = BaseLabel };
            },
        }
            .Layer(new LayerBuilder()
                .File("app/" + ScriptName, new byte[3000])
                .File("app/" + BreakoutName, new byte[2000])
                .File("app/" + CommentName, new byte[1000])
                .File("tmp/" + DeadName, new byte[5000])
                .File("usr/lib/node_modules/evil/package.json", packageJson.ToJsonString()), Command)
            .Layer(new LayerBuilder().Whiteout("tmp/" + DeadName), "/bin/sh -c rm \"/tmp/<script>\"");
        return image.WriteOciLayout(folder.File("image"));
    }

    [Fact(Timeout = 180_000)]
    public async Task Markup_from_the_image_renders_as_text_and_never_runs()
    {
        var token = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory();
        var layout = BuildImage(folder);
        var html = await ReportBrowser.WriteAsync(folder, $"oci:{layout}:latest");
        var (browser, page) = await ReportBrowser.OpenAsync(html, token);
        await using var _ = browser;
        // The layer with the removal, so its change table is in the page too.
        await page.ClickAsync("button.layer-button[data-layer=\"1\"]", token);
        await page.WaitUntilAsync("!!document.querySelector('.changes')", token);
        await page.ClickAsync(".box.top[data-path=\"/app\"]", token);
        await page.WaitUntilAsync("document.querySelector('.crumb.current')?.textContent === 'app'", token);

        Assert.Equal(JsonValueKind.Undefined, (await page.EvaluateAsync("window.__pwned", token)).ValueKind);
        Assert.Equal(0, (await page.EvaluateAsync("document.querySelectorAll('main img, #app img, main script, #app script').length", token)).GetInt32());
        var text = (await page.EvaluateAsync("document.body.innerText", token)).GetString()!;
        Assert.Contains(Command, text, StringComparison.Ordinal);
        Assert.Contains(BaseLabel, text, StringComparison.Ordinal);
        Assert.Contains("/tmp/" + DeadName, text, StringComparison.Ordinal);
        Assert.Contains(PackageName, text, StringComparison.Ordinal);
        var mapPaths = (await page.EvaluateAsync("[...document.querySelectorAll('.box[data-path]')].map(b => b.dataset.path)", token))
            .EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("/app/" + ScriptName, mapPaths);
        Assert.Contains("/app/" + BreakoutName, mapPaths);
        Assert.Contains("/app/" + CommentName, mapPaths);
        var removed = (await page.EvaluateAsync("[...document.querySelectorAll('.changes tr[data-change=\"removed\"]')].map(r => r.dataset.path)", token))
            .EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal(["/tmp/" + DeadName], removed);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task The_data_block_carries_no_character_that_could_end_it()
    {
        using var folder = new TempDirectory();
        var html = await File.ReadAllTextAsync(await ReportBrowser.WriteAsync(folder, $"oci:{BuildImage(folder)}:latest"), TestContext.Current.CancellationToken);

        const string open = "<script type=\"application/json\" id=\"strata-data\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        var block = html[start..end];
        Assert.DoesNotContain('<', block);
        Assert.DoesNotContain('>', block);
        Assert.DoesNotContain('&', block);
        Assert.DoesNotContain('\u2028', block);
        Assert.DoesNotContain('\u2029', block);
        // Escaped, not dropped: the names come back whole.
        using var data = JsonDocument.Parse(block);
        var paths = MapPaths(data.RootElement.GetProperty("map"));
        Assert.Contains("/app/" + ScriptName, paths);
        Assert.Contains("/app/" + BreakoutName, paths);
        Assert.Contains("/app/" + CommentName, paths);
        // The page's three script elements (data, d3-hierarchy, its own script) are all there are.
        Assert.Equal(3, html.Split("<script", StringSplitOptions.None).Length - 1);
    }

    /// <summary>The full path of every box of the map's flat rows ([parent, type, name, ...], parents first).</summary>
    private static List<string> MapPaths(JsonElement map)
    {
        var paths = new List<string>();
        foreach (var row in map.EnumerateArray())
        {
            var parent = row[0].GetInt32();
            var name = row[2].GetString()!;
            paths.Add(parent < 0 ? "" : paths[parent] + "/" + name);
        }
        return paths;
    }
}
