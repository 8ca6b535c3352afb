using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers.Binaries;

/// <summary>Folds the same package found in several files into one package with all their locations.</summary>
internal static class PackageMerge
{
    public static List<Package> Merge(IEnumerable<Package> packages) =>
        packages
            .GroupBy(p => (p.Ecosystem, p.Name, p.Version, p.Purl, p.Architecture))
            .Select(g => g.First() with { Locations = g.SelectMany(p => p.Locations).Distinct().ToList() })
            .ToList();
}
