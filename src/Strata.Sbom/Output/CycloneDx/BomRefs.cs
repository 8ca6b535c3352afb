using Strata.Sbom.Model;

namespace Strata.Sbom.Output.CycloneDx;

/// <summary>
/// The document's bom-refs: the image, its OS, and each package's purl, with <c>|2</c>, <c>|3</c>, … after the
/// purl of a package whose purl an earlier one already has (packages come sorted, so the refs are stable).
/// </summary>
internal sealed record BomRefs(string Image, string? Os, IReadOnlyList<string> Packages)
{
    public static BomRefs For(SbomDocument document)
    {
        var image = "image:" + (document.ManifestDigest ?? document.ConfigDigest);
        var os = document.Os is { } info ? $"os:{info.Id}@{info.VersionId}" : null;
        var used = new HashSet<string>(StringComparer.Ordinal) { image };
        if (os is not null)
        {
            used.Add(os);
        }
        var packages = new List<string>(document.Packages.Count);
        foreach (var package in document.Packages)
        {
            var stem = package.Purl.Length > 0 ? package.Purl : $"package:{package.Ecosystem}/{package.Name}@{package.Version}";
            var id = stem;
            for (var n = 2; !used.Add(id); n++)
            {
                id = $"{stem}|{n}";
            }
            packages.Add(id);
        }
        return new BomRefs(image, os, packages);
    }
}
