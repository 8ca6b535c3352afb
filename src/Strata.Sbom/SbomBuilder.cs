using System.Collections.Concurrent;
using Strata.Analysis;
using Strata.Analysis.Model;
using Strata.Analysis.Reading;
using Strata.Images.Sources;
using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers;
using Strata.Sbom.Model;
using Strata.Sbom.Os;

namespace Strata.Sbom;

/// <summary>
/// Reads an image once, with the catalogers' files captured during that same pass, then runs the catalogers,
/// traces each package to the layer that brought it, and drops language packages the OS package manager owns.
/// </summary>
public static class SbomBuilder
{
    public static (ImageAnalysis Analysis, SbomDocument Sbom) Build(
        ResolvedImage image,
        AnalysisOptions options,
        IReadOnlyList<IPackageCataloger> catalogers,
        Action<int, long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var warnings = new ConcurrentQueue<string>();
        PackageLocation Locate(int layer, string path)
        {
            var l = image.Layers[layer];
            return new PackageLocation("/" + path, layer, l.DiffId.ToString(), l.CreatedBy);
        }
        var captor = new PackageCaptor(catalogers, warnings.Enqueue, Locate);
        // A captor the caller brings (advise's secret scan) sees the same pass.
        var analysis = ImageAnalyzer.Analyze(
            image, options with { Captor = options.Captor is { } other ? new CaptorPair(captor, other) : captor }, progress, cancellationToken);
        MarkVisibility(captor.All, analysis);
        var os = OsDetector.Detect(captor.FilesFor(PackageCaptor.OsCataloger).Where(f => f.Visible));
        var packages = Catalogers.Binaries.PackageMerge.Merge(captor.CatalogedOnArrival.Where(c => c.File.Visible).Select(c => c.Package));
        foreach (var cataloger in catalogers)
        {
            var context = new CatalogContext(captor.FilesFor(cataloger.Name).ToList(), os, warnings.Enqueue, Locate);
            try
            {
                packages.AddRange(cataloger.Catalog(context));
            }
            catch (Exception e) when (CatalogFailure.IsCaught(e))
            {
                warnings.Enqueue($"{cataloger.Name} cataloger: failed ({CatalogFailure.Describe(e)}); its packages are missing");
            }
        }
        var ownedByOs = packages.Where(p => !IsLanguage(catalogers, p)).SelectMany(p => p.Files).Select(f => f.TrimStart('/')).ToHashSet(StringComparer.Ordinal);
        var kept = packages
            .Where(p => !IsLanguage(catalogers, p) || !p.Locations.All(l => ownedByOs.Contains(l.Path.TrimStart('/'))))
            .OrderBy(p => p.Ecosystem, StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Version, StringComparer.Ordinal)
            .ThenBy(p => p.Purl, StringComparer.Ordinal)
            .ToList();
        var document = new SbomDocument(
            image.Name, image.ManifestDigest?.ToString(), image.ConfigDigest.ToString(), image.Platform.ToString(), os, kept,
            warnings.Concat(analysis.Warnings).ToList());
        return (analysis, document);
    }

    private static bool IsLanguage(IReadOnlyList<IPackageCataloger> catalogers, Package package) =>
        catalogers.FirstOrDefault(c => c.Name == package.Ecosystem)?.IsLanguage ?? true;

    /// <summary>A captured file is visible when its entry's bytes survived to the final file system.</summary>
    private static void MarkVisibility(IEnumerable<CapturedFile> files, ImageAnalysis analysis)
    {
        var byLayer = files.GroupBy(f => f.Layer);
        foreach (var group in byLayer)
        {
            var entries = analysis.Layers[group.Key].Entries
                .Where(e => e.IsRegularFile)
                .GroupBy(e => e.Path, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            foreach (var file in group)
            {
                file.Visible = entries.TryGetValue(file.Path, out var entry) && !entry.IsDead;
            }
        }
    }
}
