using Strata.Sbom.Model;

namespace Strata.Policy.Comparison;

/// <summary>A package only one image has.</summary>
public sealed record PackageItem(string Ecosystem, string Name, string Version, string Purl);

/// <summary>A package both images have, at another version in the second.</summary>
public sealed record PackageVersionChange(string Ecosystem, string Name, string From, string To);

/// <summary>
/// The packages compared by ecosystem (the cataloger: dpkg, npm …) and name. Versions both images have of a package
/// cancel out; when one version is left on each side it is an upgrade or a downgrade, ordered by the ecosystem's own
/// version comparer (<see cref="PackageVersionOrder"/>). Anything else left (several versions, or versions Strata
/// cannot order) is listed as removed and added. Versions the comparer finds equal (<c>1.0</c>, <c>1.0.0</c>) are no change.
/// </summary>
public sealed record PackageComparison(
    IReadOnlyList<PackageItem> Added,
    IReadOnlyList<PackageItem> Removed,
    IReadOnlyList<PackageVersionChange> Upgraded,
    IReadOnlyList<PackageVersionChange> Downgraded)
{
    public static PackageComparison Of(IReadOnlyList<Package> before, IReadOnlyList<Package> after)
    {
        var added = new List<PackageItem>();
        var removed = new List<PackageItem>();
        var upgraded = new List<PackageVersionChange>();
        var downgraded = new List<PackageVersionChange>();
        var beforeByName = ByName(before);
        var afterByName = ByName(after);
        foreach (var key in beforeByName.Keys.Union(afterByName.Keys).OrderBy(k => k.Ecosystem, StringComparer.Ordinal).ThenBy(k => k.Name, StringComparer.Ordinal))
        {
            var was = Remaining(beforeByName.GetValueOrDefault(key, []), afterByName.GetValueOrDefault(key, []));
            var now = Remaining(afterByName.GetValueOrDefault(key, []), beforeByName.GetValueOrDefault(key, []));
            var comparer = PackageVersionOrder.For(key.Ecosystem);
            if (was is [var from] && now is [var to] && comparer is not null)
            {
                var order = comparer.Compare(to.Version, from.Version);
                if (order > 0)
                {
                    upgraded.Add(new PackageVersionChange(key.Ecosystem, key.Name, from.Version, to.Version));
                }
                else if (order < 0)
                {
                    downgraded.Add(new PackageVersionChange(key.Ecosystem, key.Name, from.Version, to.Version));
                }
                continue;
            }
            removed.AddRange(was.Select(Item));
            added.AddRange(now.Select(Item));
        }
        return new PackageComparison(added, removed, upgraded, downgraded);
    }

    private static PackageItem Item(Package package) => new(package.Ecosystem, package.Name, package.Version, package.Purl);

    private static Dictionary<(string Ecosystem, string Name), List<Package>> ByName(IReadOnlyList<Package> packages) =>
        packages.GroupBy(p => (p.Ecosystem, p.Name)).ToDictionary(g => g.Key, g => g.ToList());

    /// <summary>The packages of <paramref name="side"/> whose version <paramref name="other"/> lacks, one per version.</summary>
    private static List<Package> Remaining(List<Package> side, List<Package> other)
    {
        var otherVersions = other.Select(p => p.Version).ToHashSet(StringComparer.Ordinal);
        return side.Where(p => !otherVersions.Contains(p.Version)).DistinctBy(p => p.Version).OrderBy(p => p.Version, StringComparer.Ordinal).ToList();
    }
}
