using Strata.Sbom.Capture;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers.Language;

/// <summary>Runs a language cataloger's reader over the files the final file system shows, one file at a time.</summary>
internal static class LanguageFiles
{
    /// <summary>Reads each visible file; broken metadata becomes a warning naming the file, and the next file is read.</summary>
    public static List<Package> ReadVisible(CatalogContext context, Func<CapturedFile, IEnumerable<Package>> read)
    {
        var packages = new List<Package>();
        foreach (var file in context.VisibleFiles)
        {
            try
            {
                packages.AddRange(read(file));
            }
            catch (Exception e) when (CatalogFailure.IsCaught(e))
            {
                context.Warn($"/{file.Path}: {(e is InvalidDataException zip ? $"not a readable archive ({zip.Message})" : CatalogFailure.Describe(e))}");
            }
        }
        return packages;
    }

    /// <summary>The location of a captured file as the layer that stored it.</summary>
    public static PackageLocation Location(this CatalogContext context, CapturedFile file) => context.Locate(file.Layer, file.Path);
}
