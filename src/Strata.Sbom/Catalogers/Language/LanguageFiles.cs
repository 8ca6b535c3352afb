using System.Text;
using System.Text.Json;
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
            catch (Exception e) when (e is MetadataException or JsonException or InvalidDataException or DecoderFallbackException)
            {
                context.Warn($"/{file.Path}: {Describe(e)}");
            }
        }
        return packages;
    }

    /// <summary>The location of a captured file as the layer that stored it.</summary>
    public static PackageLocation Location(this CatalogContext context, CapturedFile file) => context.Locate(file.Layer, file.Path);

    private static string Describe(Exception e) => e switch
    {
        JsonException json => $"not valid JSON ({json.Message})",
        InvalidDataException zip => $"not a readable archive ({zip.Message})",
        DecoderFallbackException => "not valid UTF-8 text",
        _ => e.Message,
    };
}
