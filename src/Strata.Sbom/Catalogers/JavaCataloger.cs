using Strata.Sbom.Catalogers.Language;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers;

/// <summary>
/// Java archives (jar, war, ear) and the archives nested in them: Maven coordinates from
/// <c>META-INF/maven/**/pom.properties</c>, else from <c>META-INF/MANIFEST.MF</c> and the file name. Nesting depth and
/// inflated bytes are capped per top-level archive; beyond either, a warning and the packages found so far. Each
/// archive is reduced while it streams past to the entries read (<see cref="ZipStreamReducer"/>).
/// </summary>
public sealed class JavaCataloger : IPackageCataloger
{
    private readonly JavaArchiveLimits _limits;

    public JavaCataloger()
        : this(new JavaArchiveLimits())
    {
    }

    internal JavaCataloger(JavaArchiveLimits limits) => _limits = limits;

    public string Name => "java";

    public bool IsLanguage => true;

    /// <summary>Archives stream through a <see cref="ZipStreamReducer"/>, never held whole: the size bounds only the time spent.</summary>
    public long MaxFileSize => MetadataLimits.StreamedArchive;

    public bool WantsPath(string path) => JavaPaths.IsArchive(path);

    public IFileReducer? Reducer(string path, Action<string> warn) => new ZipStreamReducer("/" + path, ZipInterest.Java, _limits, warn);

    public IEnumerable<Package> Catalog(CatalogContext context)
    {
        var packages = new List<Package>();
        foreach (var file in context.VisibleFiles)
        {
            var path = "/" + file.Path;
            var reader = new JavaArchiveReader(_limits, context.Warn);
            try
            {
                reader.Read(file.Content, path);
            }
            catch (ArchiveLimitException e)
            {
                context.Warn($"{path}: {e.Message}");
            }
            catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
            {
                context.Warn($"{path}: not a readable archive ({e.Message})");
            }
            catch (Exception e) when (CatalogFailure.IsCaught(e))
            {
                context.Warn($"{path}: {CatalogFailure.Describe(e)}; read no further");
            }
            var location = context.Location(file);
            packages.AddRange(reader.Found.DistinctBy(c => c.Purl).Select(c => new Package
            {
                Ecosystem = Name,
                Name = c.Name,
                Version = c.Version,
                Purl = c.Purl,
                Locations = [location],
            }));
        }
        return packages;
    }
}
