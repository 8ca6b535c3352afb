using System.Text.Json;
using Strata.Analysis;
using Strata.Analysis.Advising;
using Strata.Cli.Report;
using Strata.Images.Sources;
using Strata.Policy.Assessment;
using Strata.TestKit;

namespace Strata.Cli.Tests.Report;

/// <summary>
/// The node budget: under a budget far below the image's files, the map keeps to it while every total stays exact,
/// checked against analyze's own numbers (live and dead bytes) and against the sum of each folder's boxes.
/// </summary>
public sealed class SizeMapBudgetTests
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    private static async Task<JsonDocument> ReportDataAsync(int budget)
    {
        var token = TestContext.Current.CancellationToken;
        using var image = await ImageOpener.OpenAsync(ImageReference.Parse(ReportBrowser.Wasteful), new ImageSelector(), NoEngines, token);
        var assessment = ImageAssessor.Assess(image, new AnalysisOptions(), new AssessmentOptions(), cancellationToken: token);
        var output = new MemoryStream();
        ReportData.Write(new ReportInput(assessment, LayerLines.None, null, "test") { MapNodeBudget = budget }, output);
        return JsonDocument.Parse(output.ToArray());
    }

    [Theory]
    [InlineData(60)]
    [InlineData(500)]
    [InlineData(SizeMapBuilder.DefaultNodeBudget)]
    public async Task The_map_keeps_to_its_budget_and_every_total_stays_exact(int budget)
    {
        using var analyze = await ReportBrowser.AnalyzeJsonAsync(ReportBrowser.Wasteful);
        using var data = await ReportDataAsync(budget);
        var rows = data.RootElement.GetProperty("map").EnumerateArray().ToList();
        var strata = analyze.RootElement.GetProperty("strata");

        // The root holds every visible byte and every dead byte.
        Assert.Equal(strata.GetProperty("liveBytes").GetInt64() + strata.GetProperty("deadBytes").GetInt64(), rows[0][3].GetInt64());
        // Every open folder's size is the sum of its boxes.
        var childSums = new long[rows.Count];
        for (var i = 1; i < rows.Count; i++)
        {
            childSums[rows[i][0].GetInt32()] += rows[i][3].GetInt64();
        }
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i][1].GetString() == "d")
            {
                Assert.Equal(rows[i][3].GetInt64(), childSums[i]);
            }
        }
        // The dead boxes add up to analyze's dead bytes.
        Assert.Equal(strata.GetProperty("deadBytes").GetInt64()
            - rows.Where(r => r[1].GetString() == "g").Sum(r => r[7].GetInt64()),
            rows.Where(r => r[1].GetString() == "x").Sum(r => r[3].GetInt64()));
        var limits = data.RootElement.GetProperty("limits");
        Assert.Equal(rows.Count, limits.GetProperty("mapNodes").GetInt32());
        // The root is always open, so the smallest budget may be passed by the root's own boxes, no further.
        var rootBoxes = rows.Count(r => r[0].GetInt32() == 0);
        Assert.True(rows.Count <= Math.Max(budget, rootBoxes + 1), $"{rows.Count} boxes for a budget of {budget}");
        if (budget < 1000)
        {
            Assert.True(limits.GetProperty("mapClosedFolders").GetInt32() > 0);
        }
    }

    [Fact]
    public async Task Change_rows_keep_the_largest_per_kind_and_the_exact_counts()
    {
        using var analyze = await ReportBrowser.AnalyzeJsonAsync(ReportBrowser.Wasteful);
        using var data = await ReportDataAsync(SizeMapBuilder.DefaultNodeBudget);
        // dive's file list of layer 2 (apt-get install) holds thousands of entries.
        var entries = analyze.RootElement.GetProperty("layer")[2].GetProperty("fileList").GetArrayLength();
        var layer = data.RootElement.GetProperty("layers")[2];
        var changes = layer.GetProperty("changes");
        var counted = changes.GetProperty("added").GetProperty("count").GetInt32() + changes.GetProperty("modified").GetProperty("count").GetInt32()
            + changes.GetProperty("removed").GetProperty("count").GetInt32();
        Assert.True(counted > LayerChanges.RowsPerKind, $"{counted} changes");
        Assert.True(counted <= entries);
        var rows = layer.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(LayerChanges.RowsPerKind, rows.Count(r => r[0].GetString() == "added"));
        var addedSizes = rows.Where(r => r[0].GetString() == "added").Select(r => r[2].GetInt64()).ToList();
        Assert.Equal(addedSizes.OrderDescending(), addedSizes);
        // The layer's largest entry, as dive lists it, is among the rows kept.
        var largest = analyze.RootElement.GetProperty("layer")[2].GetProperty("fileList").EnumerateArray().Max(f => f.GetProperty("size").GetInt64());
        Assert.Contains(rows, r => r[0].GetString() is "added" or "modified" && r[2].GetInt64() == largest);
    }
}
