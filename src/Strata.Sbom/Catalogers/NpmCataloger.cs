using System.Text.Json;
using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers.Language;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers;

/// <summary>
/// npm packages: the package.json of every package folder under a node_modules folder, at any depth, and each
/// package.json outside node_modules as the application it describes (as Trivy and syft report it). An application
/// manifest without a name or version describes nothing to report and is passed over without a warning.
/// </summary>
public sealed class NpmCataloger : IPackageCataloger
{
    public string Name => "npm";

    public bool IsLanguage => true;

    public long MaxFileSize => MetadataLimits.MetadataFile;

    public bool WantsPath(string path) => NpmPaths.IsInstalledManifest(path) || NpmPaths.IsApplicationManifest(path);

    public IEnumerable<Package> Catalog(CatalogContext context) => LanguageFiles.ReadVisible(context, file => Read(context, file));

    private List<Package> Read(CatalogContext context, CapturedFile file)
    {
        var application = NpmPaths.IsApplicationManifest(file.Path);
        using var json = MetadataText.ParseJson(file.Content);
        var manifest = json.RootElement;
        if (manifest.ValueKind != JsonValueKind.Object)
        {
            throw new MetadataException("not a JSON object");
        }
        var name = manifest.String("name");
        var version = manifest.String("version");
        if (application && (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version)))
        {
            return [];
        }
        if (name is null)
        {
            throw new MetadataException("no \"name\"");
        }
        if (version is null)
        {
            throw new MetadataException($"no \"version\" for {name}");
        }
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var (scope, local) = name.StartsWith('@') && slash > 1 ? (name[..slash], name[(slash + 1)..]) : (null, name);
        return
        [
            new Package
            {
                Ecosystem = Name,
                Name = name,
                Version = version,
                Purl = PackageUrl.Create("npm", scope, local, version),
                Licenses = NpmLicense.From(manifest),
                Locations = [context.Location(file)],
                IsApplication = application,
            },
        ];
    }
}
