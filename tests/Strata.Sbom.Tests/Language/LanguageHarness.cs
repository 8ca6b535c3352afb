using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;

namespace Strata.Sbom.Tests.Language;

/// <summary>Runs one cataloger over captured files made by hand, as the captor would hand them over, and keeps its warnings.</summary>
internal sealed class LanguageHarness(IPackageCataloger cataloger)
{
    private readonly List<CapturedFile> _files = [];

    public List<string> Warnings { get; } = [];

    /// <summary>Adds a file the cataloger must ask for by its path, stored by <paramref name="layer"/>.</summary>
    public LanguageHarness File(string path, byte[] content, int layer = 0, bool visible = true)
    {
        Assert.True(cataloger.WantsPath(path), $"{cataloger.Name} should want {path}");
        Assert.True(content.Length <= cataloger.MaxFileSize, $"{path} is over {cataloger.Name}'s size limit");
        _files.Add(new CapturedFile(path, layer, content.Length, 0x1A4, content) { Visible = visible });
        return this;
    }

    public LanguageHarness File(string path, string content, int layer = 0, bool visible = true) =>
        File(path, System.Text.Encoding.UTF8.GetBytes(content), layer, visible);

    public List<Package> Run()
    {
        var context = new CatalogContext(_files, null, Warnings.Add, Locate);
        var packages = cataloger.Catalog(context).ToList();
        Assert.All(packages, p => Assert.Equal(cataloger.Name, p.Ecosystem));
        return packages;
    }

    public static PackageLocation Locate(int layer, string path) => new("/" + path, layer, $"sha256:layer{layer}", $"RUN step {layer}");
}
