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

    /// <summary><c>not matched: 3 NuGet packages, whose versions … (Newtonsoft.Json 12.0.1, …)</c>.</summary>
    public IReadOnlyList<string> Warnings() => byCause
        .OrderBy(c => c.Key, StringComparer.Ordinal)
        .Select(c => $"not matched against advisories: {c.Value.Count} {c.Key} ({Examples(c.Value)})")
        .ToList();

    private static string Examples(List<Package> packages)
    {
        var shown = packages.Take(3).Select(p => $"{p.Name} {p.Version}");
        return string.Join(", ", shown) + (packages.Count > 3 ? ", …" : "");
    }
}
