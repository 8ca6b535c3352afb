using Strata.Sbom.Model;
using Strata.Vulnerabilities.Scanning;

namespace Strata.Vulnerabilities.Vex;

/// <summary>
/// Marks findings that a <c>not_affected</c> or <c>fixed</c> statement covers, by vulnerability ID or alias and product purl.
/// A statement applies to a finding when one of its vulnerability's name and aliases is one of the finding's ID and
/// aliases (case-insensitively), and one of its products covers the finding's package: a product purl covering the
/// package's purl (<see cref="PurlMatch"/>), or a product that is the scanned image (a <c>pkg:oci</c> or
/// <c>pkg:docker</c> purl with its digest, or naming its repository when it gives no version) either with no
/// subcomponents (the whole image) or with a subcomponent covering the package. Without a scan target, a product's
/// subcomponents are matched on their own. Of the statements that apply, across all documents, the latest by
/// timestamp holds (on equal times the one given last), so an <c>affected</c> statement after a <c>not_affected</c>
/// one lifts the suppression again, as the specification's statement history intends.
/// </summary>
public static class VexFilter
{
    public static IReadOnlyList<ScanFinding> Apply(IReadOnlyList<ScanFinding> findings, IReadOnlyList<VexDocument> documents) =>
        Apply(findings, documents, null);

    public static IReadOnlyList<ScanFinding> Apply(IReadOnlyList<ScanFinding> findings, IReadOnlyList<VexDocument> documents, ScanTarget? target)
    {
        var statements = documents
            .SelectMany((d, di) => d.Statements.Select((s, si) => (Document: d, Statement: s, Order: (di, si))))
            .ToList();
        if (statements.Count == 0)
        {
            return findings;
        }
        var byVulnerability = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < statements.Count; i++)
        {
            foreach (var id in statements[i].Statement.VulnerabilityAliases.Prepend(statements[i].Statement.Vulnerability).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!byVulnerability.TryGetValue(id, out var list))
                {
                    byVulnerability[id] = list = [];
                }
                list.Add(i);
            }
        }
        var result = new List<ScanFinding>(findings.Count);
        foreach (var finding in findings)
        {
            var holding = finding.Finding.Aliases.Prepend(finding.Finding.Id)
                .SelectMany(id => byVulnerability.GetValueOrDefault(id) ?? [])
                .Distinct()
                .Select(i => statements[i])
                .Where(s => s.Statement.ProductEntries.Any(p => Covers(p, finding.Finding.Package, target)))
                .OrderBy(s => s.Statement.Timestamp)
                .ThenBy(s => s.Order)
                .LastOrDefault();
            result.Add(holding.Statement is { Suppresses: true } statement
                ? finding with { Suppression = new Suppression(statement.Status, statement.Justification, statement.ImpactStatement, holding.Document.Path) }
                : finding);
        }
        return result;
    }

    private static bool Covers(VexProduct product, Package package, ScanTarget? target)
    {
        if (product.Identifiers.Any(id => PurlMatch.Covers(id, package.Purl)))
        {
            return true;
        }
        var isImage = target is not null && product.Identifiers.Any(id => ImageProduct.Names(id, target));
        if (isImage && product.Subcomponents.Count == 0)
        {
            return true;
        }
        return (isImage || target is null) && product.Subcomponents.Any(s => PurlMatch.Covers(s, package.Purl));
    }
}
