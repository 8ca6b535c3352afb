using Strata.Analysis.Model;
using Strata.Images.Sources;
using Strata.TestKit;

namespace Strata.Analysis.Tests;

/// <summary>Opens and analyses images the way the CLI does, for tests.</summary>
internal static class TestImages
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    public static ImageAnalysis Analyze(string reference, AnalysisOptions? options = null)
    {
        using var image = ImageOpener.OpenAsync(ImageReference.Parse(reference), new ImageSelector(), NoEngines, CancellationToken.None)
            .GetAwaiter().GetResult();
        return ImageAnalyzer.Analyze(image, options ?? new AnalysisOptions());
    }

    /// <summary>Builds an OCI layout from hand-made layers in a temporary folder and analyses it.</summary>
    public static ImageAnalysis Analyze(params LayerBuilder[] layers)
    {
        using var directory = new TempDirectory();
        var builder = new OciImageBuilder();
        for (var i = 0; i < layers.Length; i++)
        {
            builder.Layer(layers[i], $"layer {i}");
        }
        builder.WriteOciLayout(directory.Path);
        return Analyze("oci:" + directory.Path);
    }

    public static FileEntry Entry(this ImageAnalysis analysis, int layer, string path) =>
        analysis.Layers[layer].Entries.Last(e => e.Path == path);
}
