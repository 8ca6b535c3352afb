using Strata.Analysis;
using Strata.Images.Sources;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;
using Strata.TestKit;

namespace Strata.Sbom.Tests.Os;

/// <summary>Opens images the way <c>strata sbom</c> does and runs the OS package catalogers over them.</summary>
internal static class OsImages
{
    private static readonly EngineEndpoints NoEngines = new(new Uri("unix:///nonexistent.sock"), new Uri("unix:///nonexistent.sock"));

    public static IReadOnlyList<IPackageCataloger> Catalogers => [new DpkgCataloger(), new ApkCataloger(), new RpmCataloger()];

    public static async Task<SbomDocument> SbomAsync(string reference, CancellationToken cancellationToken)
    {
        using var image = await ImageOpener.OpenAsync(ImageReference.Parse(reference), new ImageSelector(), NoEngines, cancellationToken);
        return SbomBuilder.Build(image, new AnalysisOptions(), Catalogers, null, cancellationToken).Sbom;
    }

    /// <summary>An OCI layout of hand-made layers, layer i created by <c>RUN step i</c>.</summary>
    public static async Task<SbomDocument> SbomAsync(CancellationToken cancellationToken, params LayerBuilder[] layers)
    {
        using var directory = new TempDirectory();
        var builder = new OciImageBuilder();
        for (var i = 0; i < layers.Length; i++)
        {
            builder.Layer(layers[i], $"RUN step {i}");
        }
        builder.WriteOciLayout(directory.Path);
        return await SbomAsync("oci:" + directory.Path, cancellationToken);
    }
}
