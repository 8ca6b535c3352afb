using System.IO.Compression;
using Strata.Analysis.Base;
using Strata.Analysis.Model;
using Strata.Analysis.Proof;
using Strata.Analysis.Slim;
using Strata.Images.Layers;
using Strata.Images.Sources;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Slim;

/// <summary>The issue's own image: 133 MB of its 400 MB are dead, nearly all of them above the base layer.</summary>
public sealed class SlimWastefulTests
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    private static async Task<ResolvedImage> OpenAsync() => await ImageOpener.OpenAsync(
        ImageReference.Parse("oci:" + Fixtures.OciLayout + ":wasteful"), new ImageSelector(), NoEngines, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Wasteful_loses_every_dead_byte_above_its_base_which_keeps_its_digest_and_the_file_system_is_the_same()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var image = await OpenAsync();
        var analysis = ImageAnalyzer.Analyze(image, new AnalysisOptions(), cancellationToken: cancellation);
        var baseLayers = BaseImageDetector.Detect(image.Config).Layers ?? 0;
        Assert.True(baseLayers > 0, "wasteful's history names its base");
        using var temp = new TempDirectory();

        var plan = SlimPlanner.Plan(analysis, new SlimOptions { BaseLayers = baseLayers });
        var written = SlimLayerWriter.Write(plan, SlimSource.OpenTar(image), new LayerCompressionOptions(), temp.Path, cancellation);
        var output = OutputReadBack.Read(analysis, plan, written, new AnalysisOptions(), cancellation);

        Assert.True(analysis.Layers.Skip(baseLayers).Sum(l => l.DeadBytes) > 130_000_000);
        // Measured on the output as the analysis reads it back: no dead byte above the base, whose blob is the same.
        Assert.All(output.Skip(baseLayers), l => Assert.Equal(0, l.DeadBytes));
        Assert.Equal(analysis.Layers.Take(baseLayers).Select(l => l.Digest), output.Take(baseLayers).Select(l => l.Digest));
        var before = analysis.Layers.Sum(l => l.UncompressedSize);
        var after = output.Sum(l => l.UncompressedSize);
        Assert.True(before - after >= 130_000_000, $"uncompressed {before} -> {after}");
        Assert.Empty(FileSystemProof.Compare(analysis.Layers, output, []));
        // And independently of Strata's decoder, merge and proof: the runtime's gzip and tar readers under the test's
        // own overlay, over both images' blobs (wasteful's are all gzip).
        var sourceTars = image.Layers.Select(l => (Func<Stream>)(() => new GZipStream(l.Open(), CompressionMode.Decompress)));
        var outputTars = plan.Layers.Select(l => (Func<Stream>)(() => new GZipStream(
            l.CopiedFrom is { } from ? image.Layers[from].Open() : File.OpenRead(written[l.Index]!.Path), CompressionMode.Decompress)));
        Assert.Equal(TinyOverlay.Merge(sourceTars), TinyOverlay.Merge(outputTars));
    }

    [Fact]
    public async Task With_rewrite_base_not_a_dead_byte_is_left_anywhere()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var image = await OpenAsync();
        var analysis = ImageAnalyzer.Analyze(image, new AnalysisOptions(), cancellationToken: cancellation);
        Assert.True(analysis.Layers[0].DeadBytes > 0, "wasteful's base layer has dead bytes of its own");
        using var temp = new TempDirectory();

        var plan = SlimPlanner.Plan(analysis, new SlimOptions { BaseLayers = 1, RewriteBase = true });
        var written = SlimLayerWriter.Write(plan, SlimSource.OpenTar(image), new LayerCompressionOptions(Compression.Gzip, 1), temp.Path, cancellation);
        var output = OutputReadBack.Read(analysis, plan, written, new AnalysisOptions(), cancellation);

        Assert.Null(plan.Layers[0].CopiedFrom);
        Assert.Equal(0, output.Sum(l => l.DeadBytes));
        Assert.Empty(FileSystemProof.Compare(analysis.Layers, output, []));
    }
}
