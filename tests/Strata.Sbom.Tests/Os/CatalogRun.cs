using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;
using Strata.TestKit;

namespace Strata.Sbom.Tests.Os;

/// <summary>What a cataloger found in files handed to it directly, as if captured from an image's layers.</summary>
internal sealed record CatalogRun(List<Package> Packages, List<string> Warnings)
{
    public static readonly OsInfo Debian12 = new("debian", "12", "Debian GNU/Linux 12 (bookworm)", "bookworm");

    /// <summary>A file of the shared fixtures (pkgdb/os/…), read as it would be captured at <paramref name="imagePath"/>.</summary>
    public static CapturedFile Fixture(string fixture, string imagePath, int layer = 0) =>
        File(imagePath, System.IO.File.ReadAllBytes(Path.Combine(Fixtures.Shared, "pkgdb", "os", fixture)), layer);

    public static CapturedFile File(string imagePath, byte[] content, int layer = 0, bool visible = true) =>
        new(imagePath, layer, content.Length, 0x1A4, content) { Visible = visible };

    public static CapturedFile File(string imagePath, string content, int layer = 0, bool visible = true) =>
        File(imagePath, System.Text.Encoding.UTF8.GetBytes(content), layer, visible);

    public static CatalogRun Of(IPackageCataloger cataloger, OsInfo? os, params CapturedFile[] files)
    {
        var warnings = new List<string>();
        var context = new CatalogContext(
            files.Where(f => cataloger.WantsPath(f.Path)).OrderBy(f => f.Layer).ToList(),
            os,
            warnings.Add,
            (layer, path) => new PackageLocation("/" + path, layer, $"sha256:layer{layer}", $"RUN layer {layer}"));
        return new CatalogRun(cataloger.Catalog(context).ToList(), warnings);
    }

    public Package Single(string name) => Assert.Single(Packages, p => p.Name == name);

    public IEnumerable<string> Names => Packages.Select(p => p.Name);
}
