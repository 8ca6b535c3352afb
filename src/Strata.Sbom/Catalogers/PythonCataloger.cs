using System.Text.RegularExpressions;
using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers.Language;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers;

/// <summary>
/// Installed Python distributions: <c>*.dist-info/METADATA</c>, <c>*.egg-info/PKG-INFO</c>, <c>*.egg-info</c> files,
/// and eggs, zipped (<c>*.egg</c>) or not.
/// </summary>
public sealed partial class PythonCataloger : IPackageCataloger
{
    public string Name => "python";

    public bool IsLanguage => true;

    /// <summary>Metadata files are small; a zipped egg is read whole, so the cap allows for eggs.</summary>
    public long MaxFileSize => 64L * 1024 * 1024;

    public bool WantsPath(string path) => PythonPaths.IsMetadata(path);

    /// <summary>A zipped egg streams through a reducer that keeps its PKG-INFO; metadata files are held whole.</summary>
    public IFileReducer? Reducer(string path, Action<string> warn) =>
        PythonPaths.IsZippedEgg(path) ? new ZipStreamReducer("/" + path, ZipInterest.Egg, new JavaArchiveLimits(MaxMetadataEntry: EggMetadataCap), warn) : null;

    private const long EggMetadataCap = 1024 * 1024;

    public IEnumerable<Package> Catalog(CatalogContext context) => LanguageFiles.ReadVisible(context, file => [Read(context, file)]);

    /// <summary>The project name as PEP 503 normalises it: lower case, each run of <c>-_.</c> one hyphen.</summary>
    public static string NormalizeName(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    private Package Read(CatalogContext context, CapturedFile file)
    {
        var text = PythonPaths.IsZippedEgg(file.Path) ? PythonEgg.PkgInfo(file.Content) : MetadataText.Decode(file.Content);
        var metadata = PythonMetadata.Parse(text);
        if (metadata.IsEmpty)
        {
            throw new MetadataException("no metadata fields");
        }
        var name = metadata.First("Name") ?? throw new MetadataException("no Name field");
        var version = metadata.First("Version") ?? throw new MetadataException($"no Version field for {name}");
        return new Package
        {
            Ecosystem = Name,
            Name = name,
            Version = version,
            Purl = PackageUrl.Create("pypi", null, NormalizeName(name), version),
            Licenses = PythonLicenses.From(metadata),
            Locations = [context.Location(file)],
        };
    }

    [GeneratedRegex("[-_.]+", RegexOptions.NonBacktracking)]
    private static partial Regex Separators();
}
