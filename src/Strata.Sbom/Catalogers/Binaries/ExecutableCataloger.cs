using Strata.Sbom.Capture;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers.Binaries;

/// <summary>
/// What the executable catalogers share: files chosen by their first bytes (never by name), each cataloged on its
/// own as soon as it is read, and the same package found in several files folded into one.
/// </summary>
public abstract class ExecutableCataloger : IPackageCataloger
{
    public abstract string Name { get; }

    public bool IsLanguage => true;

    /// <summary>Executables are kept whole while they are cataloged (section headers sit at the end); larger ones are skipped.</summary>
    public long MaxFileSize => 256L * 1024 * 1024;

    public bool WantsPath(string path) => false;

    public bool WantsContent(string path, ReadOnlySpan<byte> head) => ExecutableReader.Looks(head);

    public bool CatalogsFilesAlone => true;

    public IEnumerable<Package> Catalog(CatalogContext context)
    {
        var found = new List<Package>();
        foreach (var file in context.VisibleFiles)
        {
            found.AddRange(context.ReadOr(file, [], () => CatalogFile(file, context)));
        }
        return PackageMerge.Merge(found);
    }

    protected abstract List<Package> CatalogFile(CapturedFile file, CatalogContext context);
}
