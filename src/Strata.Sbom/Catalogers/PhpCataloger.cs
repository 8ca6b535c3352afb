using System.Text.Json;
using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers.Language;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers;

/// <summary>
/// Composer packages: <c>vendor/composer/installed.json</c>, an array (Composer 1) or <c>{"packages": [...]}</c>
/// (Composer 2, whose <c>dev-package-names</c> marks development dependencies); a project's own
/// <c>composer.json</c>, with a name and version, as the application; and its <c>composer.lock</c>'s
/// <c>packages</c> and <c>packages-dev</c> (development dependencies) where no installed.json beside it says what
/// was installed.
/// </summary>
public sealed class PhpCataloger : IPackageCataloger
{
    public string Name => "php";

    public bool IsLanguage => true;

    public long MaxFileSize => MetadataLimits.MetadataFile;

    public bool WantsPath(string path) => ComposerPaths.IsInstalled(path) || ComposerPaths.IsProjectFile(path);

    public IEnumerable<Package> Catalog(CatalogContext context)
    {
        var installedIn = context.VisibleFiles.Where(f => ComposerPaths.IsInstalled(f.Path))
            .Select(f => f.Path[..^ComposerPaths.Installed.Length])
            .ToHashSet(StringComparer.Ordinal);
        return LanguageFiles.ReadVisible(context, file =>
            ComposerPaths.IsInstalled(file.Path) ? ReadInstalled(context, file)
            : ComposerPaths.Named(file.Path, ComposerPaths.Manifest) ? ReadApplication(context, file)
            : installedIn.Contains(ComposerPaths.Folder(file.Path)) ? []
            : ReadLock(context, file));
    }

    private List<Package> ReadInstalled(CatalogContext context, CapturedFile file)
    {
        using var json = MetadataText.ParseJson(file.Content);
        var root = json.RootElement;
        var list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("packages", out var packages) ? packages : root;
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new MetadataException("neither an array of packages nor an object with a \"packages\" array");
        }
        var development = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("dev-package-names", out var names) && names.ValueKind == JsonValueKind.Array
            ? names.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        return ReadList(context, file, list, "package", name => development.Contains(name));
    }

    /// <summary>composer.lock: <c>packages</c> to run the project, <c>packages-dev</c> to develop it.</summary>
    private List<Package> ReadLock(CatalogContext context, CapturedFile file)
    {
        using var json = MetadataText.ParseJson(file.Content);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new MetadataException("not a JSON object");
        }
        var found = new List<Package>();
        foreach (var (field, development) in new[] { ("packages", false), ("packages-dev", true) })
        {
            if (!root.TryGetProperty(field, out var list))
            {
                continue;
            }
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw new MetadataException($"\"{field}\" is not an array");
            }
            found.AddRange(ReadList(context, file, list, field, _ => development));
        }
        return found;
    }

    /// <summary>A project's composer.json: the application, when it names itself and its version.</summary>
    private List<Package> ReadApplication(CatalogContext context, CapturedFile file)
    {
        using var json = MetadataText.ParseJson(file.Content);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new MetadataException("not a JSON object");
        }
        var application = Package(context, file, root);
        return application is null ? [] : [application with { IsApplication = true }];
    }

    private List<Package> ReadList(CatalogContext context, CapturedFile file, JsonElement list, string what, Func<string, bool> isDevelopment)
    {
        var found = new List<Package>();
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            if (Package(context, file, entry) is { } package)
            {
                found.Add(package with { IsDevelopment = isDevelopment(package.Name) });
            }
            else
            {
                context.Warn($"/{file.Path}: {what} {index} has no vendor/name or no version; skipped");
            }
            index++;
        }
        return found;
    }

    private Package? Package(CatalogContext context, CapturedFile file, JsonElement entry)
    {
        var name = entry.String("name");
        var version = entry.String("version");
        var slash = name?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (name is null || version is null || slash <= 0 || slash == name.Length - 1)
        {
            return null;
        }
        return new Package
        {
            Ecosystem = Name,
            Name = name,
            Version = version,
            Purl = PackageUrl.Create("composer", name[..slash], name[(slash + 1)..], version),
            Licenses = Licenses(entry),
            Locations = [context.Location(file)],
        };
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
