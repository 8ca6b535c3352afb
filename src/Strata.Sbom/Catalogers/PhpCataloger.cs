using System.Text.Json;
using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers.Language;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers;

/// <summary>Composer packages: <c>vendor/composer/installed.json</c>, an array (Composer 1) or <c>{"packages": [...]}</c> (Composer 2).</summary>
public sealed class PhpCataloger : IPackageCataloger
{
    private const string Installed = "vendor/composer/installed.json";

    public string Name => "php";

    public bool IsLanguage => true;

    public long MaxFileSize => MetadataLimits.MetadataFile;

    public bool WantsPath(string path) => path == Installed || path.EndsWith("/" + Installed, StringComparison.Ordinal);

    public IEnumerable<Package> Catalog(CatalogContext context) => LanguageFiles.ReadVisible(context, file => Read(context, file));

    private List<Package> Read(CatalogContext context, CapturedFile file)
    {
        using var json = MetadataText.ParseJson(file.Content);
        var root = json.RootElement;
        var list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("packages", out var packages) ? packages : root;
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new MetadataException("neither an array of packages nor an object with a \"packages\" array");
        }
        var found = new List<Package>();
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var name = entry.String("name");
            var version = entry.String("version");
            var slash = name?.IndexOf('/', StringComparison.Ordinal) ?? -1;
            if (name is null || version is null || slash <= 0 || slash == name.Length - 1)
            {
                context.Warn($"/{file.Path}: package {index} has no vendor/name or no version; skipped");
            }
            else
            {
                found.Add(new Package
                {
                    Ecosystem = Name,
                    Name = name,
                    Version = version,
                    Purl = PackageUrl.Create("composer", name[..slash], name[(slash + 1)..], version),
                    Licenses = Licenses(entry),
                    Locations = [context.Location(file)],
                });
            }
            index++;
        }
        return found;
    }

    private static IReadOnlyList<string> Licenses(JsonElement entry)
    {
        if (!entry.TryGetProperty("license", out var license))
        {
            return [];
        }
        return license.ValueKind switch
        {
            JsonValueKind.String when license.GetString() is { Length: > 0 } single => [single],
            JsonValueKind.Array => license.EnumerateArray()
                .Where(l => l.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(l.GetString()))
                .Select(l => l.GetString()!)
                .ToList(),
            _ => [],
        };
    }
}
