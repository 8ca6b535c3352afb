using Strata.Sbom.Model;

namespace Strata.Vulnerabilities.Matching;

/// <summary>The packages the matcher could not check, counted by cause, for one warning per cause.</summary>
internal sealed class SkippedPackages
{
    private readonly Dictionary<string, List<Package>> byCause = new(StringComparer.Ordinal);

    public void Add(string cause, Package package)
    {
        if (!byCause.TryGetValue(cause, out var list))
        {
            byCause[cause] = list = [];
        }
        list.Add(package);
    }

    /// <summary><c>not matched against advisories: RubyGems packages, whose versions … yet: 2 (rack 2.0.0, rake 13.0.0)</c>.</summary>
    public IReadOnlyList<string> Warnings() => byCause
        .OrderBy(c => c.Key, StringComparer.Ordinal)
        .Select(c => $"not matched against advisories: {c.Key}: {c.Value.Count} ({Examples(c.Value)})")
        .ToList();

    private static string Examples(List<Package> packages)
    {
        var shown = packages.Take(3).Select(p => $"{p.Name} {p.Version}");
        return string.Join(", ", shown) + (packages.Count > 3 ? ", …" : "");
    }
}
