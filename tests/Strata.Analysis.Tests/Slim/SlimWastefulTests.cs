using Strata.Analysis.Base;
using Strata.Analysis.Model;
using Strata.Analysis.Slim;
using Strata.Images.Layers;
using Strata.Images.Sources;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Slim;

public sealed class SlimWastefulTests
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    [Fact]
    public async Task Wasteful_loses_its_dead_bytes_above_the_base_which_stays_as_it_was()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var image = await ImageOpener.OpenAsync(
            ImageReference.Parse("oci:" + Fixtures.OciLayout + ":wasteful"), new ImageSelector(), NoEngines, cancellation);
        var analysis = ImageAnalyzer.Analyze(image, new AnalysisOptions(), cancellationToken: cancellation);
        var baseLayers = BaseImageDetector.Detect(image.Config).Layers ?? 0;
        Assert.True(baseLayers > 0, "wasteful's history names its base");
        using var temp = new TempDirectory();

        var plan = SlimPlanner.Plan(analysis, new SlimOptions { BaseLayers = baseLayers });
        var written = SlimLayerWriter.Write(plan, SlimSource.OpenTar(image), new LayerCompressionOptions(), temp.Path, cancellation);

        Assert.All(plan.Layers.Take(baseLayers), l => Assert.Equal(l.Index, l.CopiedFrom));
        // Every regular file a rewritten layer keeps is one the analysis found alive.
        var deadAbove = analysis.Layers.Skip(baseLayers).Sum(l => l.DeadBytes);
        Assert.True(deadAbove > 130_000_000, $"wasteful stores {deadAbove} dead bytes above its base");
        foreach (var output in plan.Layers.Where(l => l.CopiedFrom is null))
        {
            foreach (var selection in output.Sources)
            {
                var entries = analysis.Layers[selection.SourceLayer].Entries;
                Assert.DoesNotContain(entries, e => e.IsRegularFile && e.IsDead && selection.Keep.Contains(KeyOf(entries, e)));
            }
        }
        var before = analysis.Layers.Sum(l => l.UncompressedSize);
        var after = plan.Layers.Sum(l => l.CopiedFrom is { } source ? analysis.Layers[source].UncompressedSize : written[l.Index]!.UncompressedSize);
        Assert.True(before - after >= 130_000_000, $"uncompressed {before} -> {after}");
    }

    private static EntryKey KeyOf(IReadOnlyList<FileEntry> entries, FileEntry entry) =>
        new(entry.Path, entry.Kind, entries.TakeWhile(e => !ReferenceEquals(e, entry)).Count(e => e.Path == entry.Path && e.Kind == entry.Kind));
}
