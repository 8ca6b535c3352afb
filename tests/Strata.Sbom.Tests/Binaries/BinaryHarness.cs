using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;

namespace Strata.Sbom.Tests.Binaries;

/// <summary>Runs one cataloger over executables handed to it as the captor would: only those it wants by their first 64 KiB.</summary>
internal sealed record BinaryHarness(List<Package> Packages, List<string> Warnings)
{
    public const int HeadSize = 64 * 1024;

    public static BinaryHarness Run(IPackageCataloger cataloger, params (string Path, byte[] Content)[] files)
    {
        var captured = new List<CapturedFile>();
        foreach (var (path, content) in files)
        {
            Assert.True(Wants(cataloger, path, content), $"{cataloger.Name} should want {path} by its first bytes");
            captured.Add(new CapturedFile(path, 0, content.Length, 0x1ED, content));
        }
        var warnings = new List<string>();
        var context = new CatalogContext(captured, null, warnings.Add, (layer, path) => new PackageLocation("/" + path, layer, $"sha256:layer{layer}", $"COPY layer {layer}"));
        var packages = cataloger.Catalog(context).ToList();
        Assert.All(packages, p => Assert.Equal(cataloger.Name, p.Ecosystem));
        return new BinaryHarness(packages, warnings);
    }

    public static bool Wants(IPackageCataloger cataloger, string path, byte[] content) =>
        cataloger.WantsContent(path, content.AsSpan(0, Math.Min(content.Length, HeadSize)));

    public Package Single(string name) => Assert.Single(Packages, p => p.Name == name);

    /// <summary>Name@version of each package, sorted, for whole-set comparisons.</summary>
    public List<string> Found => Packages.Select(p => $"{p.Name}@{p.Version}").Order(StringComparer.Ordinal).ToList();
}
