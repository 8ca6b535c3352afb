namespace Strata.Sbom.Output.Licenses;

/// <summary>A package's declared licences, each read as an SPDX identifier, expression or name.</summary>
internal static class DeclaredLicenses
{
    private static readonly string[] NoInformation = ["NOASSERTION", "NONE", "UNKNOWN"];

    /// <summary>The distinct, non-empty licences in declaration order; placeholders meaning "no information" are dropped.</summary>
    public static IReadOnlyList<LicenseExpression> Read(IReadOnlyList<string> licenses, LicenseRefs refs) =>
        licenses
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !NoInformation.Contains(l, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Select(l => LicenseExpression.Parse(l, refs.IdFor))
            .ToList();

    /// <summary>
    /// All of them as one SPDX expression joined by AND (each declared licence applies), names as their
    /// <c>LicenseRef-</c>; null when there are none.
    /// </summary>
    public static string? Conjunction(IReadOnlyList<LicenseExpression> entries, LicenseRefs refs)
    {
        if (entries.Count == 0)
        {
            return null;
        }
        if (entries.Count == 1)
        {
            return AsSpdx(entries[0], refs);
        }
        return string.Join(" AND ", entries.Select(e => e.Kind == LicenseKind.Name ? refs.IdFor(e.Text) : e.AsOperand()));
    }

    private static string AsSpdx(LicenseExpression entry, LicenseRefs refs) =>
        entry.Kind == LicenseKind.Name ? refs.IdFor(entry.Text) : entry.Text;
}
