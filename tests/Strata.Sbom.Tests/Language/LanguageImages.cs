using Strata.Analysis;
using Strata.Analysis.Model;
using Strata.Images.Sources;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;

namespace Strata.Sbom.Tests.Language;

/// <summary>Opens an image as the CLI does and builds its SBOM.</summary>
internal static class LanguageImages
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    public static (ImageAnalysis Analysis, SbomDocument Sbom) Build(string reference, IReadOnlyList<IPackageCataloger> catalogers, CancellationToken cancellationToken)
    {
        using var image = ImageOpener.OpenAsync(ImageReference.Parse(reference), new ImageSelector(), NoEngines, cancellationToken).GetAwaiter().GetResult();
        return SbomBuilder.Build(image, new AnalysisOptions(), catalogers, cancellationToken: cancellationToken);
    }
}
