using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers.Language;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers;

/// <summary>Installed gems: <c>specifications/*.gemspec</c> (and the default gems' <c>specifications/default/*.gemspec</c>) under any gem home.</summary>
public sealed class RubyCataloger : IPackageCataloger
{
    public string Name => "ruby";

    public bool IsLanguage => true;

    public long MaxFileSize => MetadataLimits.MetadataFile;

    public bool WantsPath(string path)
    {
        if (!path.EndsWith(".gemspec", StringComparison.Ordinal))
        {
            return false;
        }
        var folder = path.AsSpan(0, Math.Max(path.LastIndexOf('/'), 0));
        if (folder.EndsWith("/default", StringComparison.Ordinal))
        {
            folder = folder[..^"/default".Length];
        }
        return folder.SequenceEqual("specifications") || folder.EndsWith("/specifications", StringComparison.Ordinal);
    }

    public IEnumerable<Package> Catalog(CatalogContext context) => LanguageFiles.ReadVisible(context, file => [Read(context, file)]);

    private Package Read(CatalogContext context, CapturedFile file)
    {
        var (name, version, licenses) = RubyGemspec.Parse(MetadataText.Decode(file.Content));
        if (name is null)
        {
            throw new MetadataException("no name assignment");
        }
        if (version is null)
        {
            throw new MetadataException($"no version assignment for {name}");
        }
        return new Package
        {
            Ecosystem = Name,
            Name = name,
            Version = version,
            Purl = PackageUrl.Create("gem", null, name, version),
            Licenses = licenses,
            Locations = [context.Location(file)],
        };
    }
}
