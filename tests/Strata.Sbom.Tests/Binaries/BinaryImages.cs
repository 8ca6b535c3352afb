using Strata.Analysis;
using Strata.Images.Sources;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;
using Strata.TestKit;

namespace Strata.Sbom.Tests.Binaries;

/// <summary>SBOMs of the shared fixture images, opened as the CLI opens them.</summary>
internal static class BinaryImages
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    public static SbomDocument Sbom(string tag, IReadOnlyList<IPackageCataloger> catalogers, CancellationToken cancellationToken)
    {
        using var image = ImageOpener.OpenAsync(ImageReference.Parse($"oci:{Fixtures.OciLayout}:{tag}"), new ImageSelector(), NoEngines, cancellationToken)
            .GetAwaiter().GetResult();
        return SbomBuilder.Build(image, new AnalysisOptions(), catalogers, cancellationToken: cancellationToken).Sbom;
    }

    /// <summary>The Go module fixture (a real go1.22.0 linux/amd64 binary whose one dependency is replaced).</summary>
    public static byte[] GoWithReplacement() =>
        File.ReadAllBytes(Path.Combine(Fixtures.Shared, "pkgdb", "language", "golang", "binary_with_module_replacement-linux-amd64"));
}
