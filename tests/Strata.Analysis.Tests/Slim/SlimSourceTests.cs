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

    [Fact]
    public async Task An_empty_read_in_the_middle_of_a_layer_does_not_end_it_and_the_runtimes_tar_reader_reads_it_whole()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        var tar = new LayerBuilder().File("a", new string('a', 3000)).File("b", "").File("c", "c").ToTar();
        var layout = new OciImageBuilder().Layer(tar).WriteOciLayout(Path.Combine(temp.Path, "image"));
        using var image = await ImageOpener.OpenAsync(ImageReference.Parse("oci:" + layout), new ImageSelector(), NoEngines, cancellation);

        using (var stream = SlimSource.OpenTar(image)(0))
        {
            var head = new byte[700];
            stream.ReadExactly(head);
            Assert.Equal(0, stream.Read(Span<byte>.Empty));
            using var rest = new MemoryStream();
            stream.CopyTo(rest);
            Assert.Equal(tar, head.Concat(rest.ToArray()).ToArray());
        }
        using var again = SlimSource.OpenTar(image)(0);
        Assert.Equal(["a", "b", "c"], TinyOverlay.Read(again).Select(e => e.Name));
    }
}
