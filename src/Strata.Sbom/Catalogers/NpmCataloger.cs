using System.Text.Json;
using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers.Language;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers;

/// <summary>npm packages: the package.json of every package folder under a node_modules folder, at any depth.</summary>
public sealed class NpmCataloger : IPackageCataloger
{
    public string Name => "npm";

    public bool IsLanguage => true;

    public long MaxFileSize => MetadataLimits.MetadataFile;

    public bool WantsPath(string path) => NpmPaths.IsInstalledManifest(path);

    public IEnumerable<Package> Catalog(CatalogContext context) => LanguageFiles.ReadVisible(context, file => [Read(context, file)]);

    private Package Read(CatalogContext context, CapturedFile file)
    {
        using var json = MetadataText.ParseJson(file.Content);
        var manifest = json.RootElement;
        if (manifest.ValueKind != JsonValueKind.Object)
        {
            throw new MetadataException("not a JSON object");
        }
        var name = manifest.String("name") ?? throw new MetadataException("no \"name\"");
        var version = manifest.String("version") ?? throw new MetadataException($"no \"version\" for {name}");
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var (scope, local) = name.StartsWith('@') && slash > 1 ? (name[..slash], name[(slash + 1)..]) : (null, name);
        return new Package
        {
            Ecosystem = Name,
            Name = name,
            Version = version,
            Purl = PackageUrl.Create("npm", scope, local, version),
            Licenses = NpmLicense.From(manifest),
            Locations = [context.Location(file)],
        };
    }
}
