using Strata.Sbom.Model;
using Strata.Vulnerabilities.Severity;
using Strata.Vulnerabilities.Versions;

namespace Strata.Vulnerabilities.Matching;

/// <summary>
/// Turns the records that affect one package into one finding per vulnerability: records whose IDs or aliases meet
/// (a GHSA advisory and the PYSEC record that names it, both aliasing one CVE) are merged. <c>related</c> IDs are
/// different vulnerabilities and are not followed.
/// </summary>
internal static class AliasMerger
{
    public static IEnumerable<Finding> Merge(Package package, IReadOnlyList<AdvisoryHit> hits, IVersionComparer comparer)
    {
        foreach (var group in Groups(hits))
        {
            var ordered = group.OrderBy(h => h.Record.Id, StringComparer.Ordinal).ToList();
            var ids = ordered.SelectMany(h => h.Ids).Distinct(StringComparer.Ordinal).ToList();
            var id = ids.FirstOrDefault(IsCve) ?? ordered[0].Record.Id;
            yield return new Finding
            {
                Id = id,
                Aliases = ids.Where(i => i != id).Order(StringComparer.Ordinal).ToList(),
                Package = package,
                FixedVersions = ordered.SelectMany(h => h.FixedVersions).Distinct(StringComparer.Ordinal).Order(comparer).ToList(),
                Severity = Strongest(ordered.Select(h => h.Severity)),
                Summary = ordered.Select(h => h.Record.Summary).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
                References = ordered.SelectMany(h => h.Record.References).Distinct(StringComparer.Ordinal).ToList(),
                Published = ordered.Select(h => h.Record.Published).Where(p => p.HasValue).Min(),
                Ecosystem = ordered[0].Affected.Package.Ecosystem,
            };
        }
    }

    private static bool IsCve(string id) => id.StartsWith("CVE-", StringComparison.OrdinalIgnoreCase);

    /// <summary>The hits in connected groups (union-find over the IDs they name), in the order of each group's first hit.</summary>
    private static List<List<AdvisoryHit>> Groups(IReadOnlyList<AdvisoryHit> hits)
    {
        var parent = Enumerable.Range(0, hits.Count).ToArray();
        int Root(int i)
        {
            while (parent[i] != i)
            {
                i = parent[i] = parent[parent[i]];
            }
            return i;
        }
        var firstHitNaming = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < hits.Count; i++)
        {
            foreach (var id in hits[i].Ids)
            {
                if (!firstHitNaming.TryAdd(id, i))
                {
                    var (a, b) = (Root(firstHitNaming[id]), Root(i));
                    parent[Math.Max(a, b)] = Math.Min(a, b);
                }
            }
        }
        return Enumerable.Range(0, hits.Count).GroupBy(Root).Select(g => g.Select(i => hits[i]).ToList()).ToList();
    }

    /// <summary>
    /// The merged records' best-founded rating: one computed from a CVSS vector over GHSA's word over a distribution's,
    /// and the higher level between equals.
    /// </summary>
    private static SeverityRating Strongest(IEnumerable<SeverityRating> ratings) =>
        ratings.OrderBy(r => SourceRank(r.Source)).ThenByDescending(r => r.Level).ThenByDescending(r => r.Score ?? -1).First();

    private static int SourceRank(string source) => source switch
    {
        "CVSS_V4" => 0,
        "CVSS_V3" => 1,
        "GHSA" => 2,
        "none" => 4,
        _ => 3,
    };
}
