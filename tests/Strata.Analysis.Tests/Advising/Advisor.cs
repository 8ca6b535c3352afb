using System.Text.Json.Nodes;
using Strata.Analysis.Advising;
using Strata.Analysis.Advising.Safety;
using Strata.Analysis.Base;
using Strata.Dockerfile.Advice;
using Strata.Images.Model;
using Strata.Images.Sources;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Advising;

/// <summary>Builds a hand-made image, reads it once with the secret scan, and runs the advisors, as advise does.</summary>
internal static class Advisor
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    /// <summary>Each layer's files, with an optional config edit (Env, User); no base image unless the history says so.</summary>
    public static ImageAdvice Advise(LayerBuilder[] layers, Action<JsonObject>? editConfig = null, IReadOnlyList<InstalledPackage>? packages = null)
    {
        using var directory = new TempDirectory();
        var builder = new OciImageBuilder { EditConfig = editConfig };
        for (var i = 0; i < layers.Length; i++)
        {
            builder.Layer(layers[i], $"RUN step {i}");
        }
        builder.WriteOciLayout(directory.Path);
        using var image = ImageOpener.OpenAsync(ImageReference.Parse("oci:" + directory.Path), new ImageSelector(), NoEngines, CancellationToken.None)
            .GetAwaiter().GetResult();
        var secrets = new SecretFileCaptor();
        var analysis = ImageAnalyzer.Analyze(image, new AnalysisOptions { Captor = secrets });
        var input = new AdviceInput
        {
            Analysis = analysis,
            Config = ImageConfigDetails.Parse(image.Config.Raw, "config"),
            Base = BaseImageDetector.Detect(image.Config),
            Packages = packages ?? [],
            SecretFiles = secrets.Hits,
            Lines = LayerLines.None,
        };
        return ImageAdvisor.Advise(input, _ => { });
    }

    public static Advice Single(this ImageAdvice advice, string id) => Assert.Single(advice.Findings, f => f.Id == id);

    public static byte[] Filled(int count, byte fill) => Enumerable.Repeat(fill, count).ToArray();
}
