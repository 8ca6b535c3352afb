using Strata.Analysis.Slim;
using Strata.Images;
using Strata.Images.Layers;
using Strata.Images.Sources;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Slim;

public sealed class SlimSourceTests
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    [Fact]
    public async Task A_layer_blob_changed_after_the_analysis_is_an_error_naming_the_layer_and_leaves_no_blob()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        var layout = Path.Combine(temp.Path, "image");
        new OciImageBuilder()
            .Layer(new LayerBuilder().File("a", "old").File("b", "b"))
            .Layer(new LayerBuilder().File("a", "new"))
            .WriteOciLayout(layout);
        using var image = await ImageOpener.OpenAsync(ImageReference.Parse("oci:" + layout), new ImageSelector(), NoEngines, cancellation);
        var analysis = ImageAnalyzer.Analyze(image, new AnalysisOptions(), cancellationToken: cancellation);
        var plan = SlimPlanner.Plan(analysis, new SlimOptions());
        // Another valid layer in place of layer 0: it reads as a tar, but is not the blob the manifest names.
        var blob = Path.Combine(layout, "blobs", "sha256", analysis.Layers[0].Digest.Hex);
        File.WriteAllBytes(blob, OciImageBuilder.Compress(new LayerBuilder().File("a", "old").File("b", "B").ToTar(), LayerCompression.Gzip));
        var output = Path.Combine(temp.Path, "out");

        var error = Assert.Throws<StrataException>(() =>
            SlimLayerWriter.Write(plan, SlimSource.OpenTar(image), new LayerCompressionOptions(), output, cancellation));

        Assert.StartsWith("layer 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("the manifest says", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFiles(output), f => Path.GetFileName(f) == "layer-0.blob");
    }
}
