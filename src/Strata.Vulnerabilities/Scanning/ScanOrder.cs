using Strata.Vulnerabilities.Severity;

namespace Strata.Vulnerabilities.Scanning;

/// <summary>A report's order: highest severity first, then higher score, then ID, package, version and path, so output is stable.</summary>
public static class ScanOrder
{
    public static IReadOnlyList<ScanFinding> Sort(IEnumerable<ScanFinding> findings) => findings
        .OrderByDescending(f => f.Finding.Severity.Level)
        .ThenByDescending(f => f.Finding.Severity.Score ?? -1)
        .ThenBy(f => f.Finding.Id, StringComparer.Ordinal)
        .ThenBy(f => f.Finding.Package.Name, StringComparer.Ordinal)
        .ThenBy(f => f.Finding.Package.Version, StringComparer.Ordinal)
        .ThenBy(f => f.Path, StringComparer.Ordinal)
        .ToList();

    /// <summary>The findings in groups of one severity each, highest first; empty groups are left out.</summary>
    public static IEnumerable<IGrouping<SeverityLevel, ScanFinding>> BySeverity(IEnumerable<ScanFinding> sorted) =>
        sorted.GroupBy(f => f.Finding.Severity.Level).OrderByDescending(g => g.Key);
}
