using Strata.Vulnerabilities.Osv;

namespace Strata.Vulnerabilities.Matching;

/// <summary>Advisories held in memory, indexed as the store indexes them (by ecosystem base and package name).</summary>
public sealed class InMemoryAdvisories : IAdvisorySource
{
    private readonly Dictionary<(string, string), List<OsvRecord>> index = new(NameKey.Comparer);

    public InMemoryAdvisories(IEnumerable<OsvRecord> records)
    {
        foreach (var record in records)
        {
            foreach (var key in record.Affected.Select(a => (a.Package.EcosystemBase, a.Package.Name)).Distinct(NameKey.Comparer))
            {
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }
                list.Add(record);
            }
        }
    }

    public IReadOnlyList<OsvRecord> Find(string ecosystemBase, string name) =>
        index.TryGetValue((ecosystemBase, name), out var list) ? list : [];
}
