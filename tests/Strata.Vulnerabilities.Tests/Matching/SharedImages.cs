using Strata.Analysis;
using Strata.Images.Sources;
using Strata.Sbom;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;
using Strata.TestKit;

namespace Strata.Vulnerabilities.Tests.Matching;

/// <summary>The SBOMs of the shared <c>base</c> and <c>wasteful</c> images, built as <c>strata sbom</c> builds them, once per test run.</summary>
public sealed class SharedImages
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    private readonly Lazy<SbomDocument> wasteful = new(() => Build("wasteful", CatalogerRegistry.All()));

    private readonly Lazy<SbomDocument> baseImage = new(() => Build("base", CatalogerRegistry.All()));

    public SbomDocument Wasteful => wasteful.Value;

    public SbomDocument Base => baseImage.Value;

    public static SbomDocument Build(string tag, IReadOnlyList<IPackageCataloger> catalogers)
    {
        var reference = ImageReference.Parse($"oci:{Fixtures.OciLayout}:{tag}");
        using var image = ImageOpener.OpenAsync(reference, new ImageSelector(), NoEngines, CancellationToken.None).GetAwaiter().GetResult();
        return SbomBuilder.Build(image, new AnalysisOptions(), catalogers).Sbom;
    }
}
