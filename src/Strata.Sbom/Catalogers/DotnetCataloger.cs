using System.Text.Json;
using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers.Language;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers;

/// <summary>.NET applications' NuGet packages: the <c>libraries</c> of type package in each <c>*.deps.json</c> (projects skipped).</summary>
public sealed class DotnetCataloger : IPackageCataloger
{
    public string Name => "dotnet";

    public bool IsLanguage => true;

    public long MaxFileSize => MetadataLimits.MetadataFile;

    public bool WantsPath(string path) => path.EndsWith(".deps.json", StringComparison.Ordinal);

    public IEnumerable<Package> Catalog(CatalogContext context) => LanguageFiles.ReadVisible(context, file => Read(context, file));

    private List<Package> Read(CatalogContext context, CapturedFile file)
    {
        using var json = MetadataText.ParseJson(file.Content);
        if (json.RootElement.ValueKind != JsonValueKind.Object
            || !json.RootElement.TryGetProperty("libraries", out var libraries) || libraries.ValueKind != JsonValueKind.Object)
        {
            throw new MetadataException("no \"libraries\" object");
        }
        var packages = new List<Package>();
        foreach (var library in libraries.EnumerateObject())
        {
            if (!NuGetLibrary.IsPackage(library.Value.String("type")))
            {
                continue;
            }
            if (NuGetLibrary.Split(library.Name) is not var (name, version))
            {
                context.Warn($"/{file.Path}: library \"{library.Name}\" has no version (expected Name/Version); skipped");
                continue;
            }
            packages.Add(new Package
            {
                Ecosystem = Name,
                Name = name,
                Version = version,
                Purl = PackageUrl.Create("nuget", null, name, version),
                Locations = [context.Location(file)],
            });
        }
        return packages;
    }
}
