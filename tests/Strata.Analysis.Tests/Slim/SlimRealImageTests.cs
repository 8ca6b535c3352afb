using Strata.Analysis.Slim;
using Strata.Images.Layers;
using Strata.Images.Sources;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Slim;

public sealed class SlimRealImageTests
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    [Theory]
    [InlineData("docker-archive:DIVE", true)]
    [InlineData("docker-archive:MULTISTAGE", false)]
    public async Task A_real_image_slims_to_the_same_file_system_with_no_dead_bytes_left(string reference, bool hasDeadBytes)
    {
        reference = reference.Replace("DIVE", Fixtures.Dive("test-docker-image.tar"), StringComparison.Ordinal)
            .Replace("MULTISTAGE", Fixtures.Images("multistage.docker.tar"), StringComparison.Ordinal);
        var cancellation = TestContext.Current.CancellationToken;
        using var image = await ImageOpener.OpenAsync(ImageReference.Parse(reference), new ImageSelector(), NoEngines, cancellation);
        var analysis = ImageAnalyzer.Analyze(image, new AnalysisOptions(), cancellationToken: cancellation);
        Assert.Equal(hasDeadBytes, analysis.DeadBytes > 0);
        using var temp = new TempDirectory();

        var plan = SlimPlanner.Plan(analysis, new SlimOptions());
        var written = SlimLayerWriter.Write(plan, SlimSource.OpenTar(image), new LayerCompressionOptions(), temp.Path, cancellation);

        var before = Enumerable.Range(0, image.Layers.Count).Select(i => ReadAll(SlimSource.OpenTar(image)(i))).ToList();
        var after = plan.Layers.Select(l => l.CopiedFrom is { } source ? before[source] : SlimHarness.Decompress(written[l.Index]!, Compression.Gzip)).ToList();
        Assert.Equal(TinyOverlay.Merge(before), TinyOverlay.Merge(after));
        // No stored file is shadowed any more: every regular file path occurs once over all layers.
        var files = after.SelectMany(TinyOverlay.Read).Where(e => e.Node.Type == "file").Select(e => e.Name).ToList();
        Assert.Equal(files.Count, files.Distinct(StringComparer.Ordinal).Count());
        Assert.True(after.Sum(t => t.LongLength) <= before.Sum(t => t.LongLength) - analysis.DeadBytes + 512L * analysis.DeadFiles.Count);

        var again = SlimLayerWriter.Write(plan, SlimSource.OpenTar(image), new LayerCompressionOptions(), Path.Combine(temp.Path, "again"), cancellation);
        Assert.Equal(written.Select(w => w?.Digest), again.Select(w => w?.Digest));
    }

    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
