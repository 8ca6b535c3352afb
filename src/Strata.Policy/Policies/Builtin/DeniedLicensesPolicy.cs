namespace Strata.Policy.Policies.Builtin;

/// <summary>
/// No package under a denied licence (AGPL-3.0-only and AGPL-3.0-or-later by default), read from the SBOM's declared
/// licences as SPDX expressions (<see cref="SpdxExpression"/>); a package's several declared licences all apply.
/// <c>exempt</c> lists package URLs allowed anyway, as patterns with <c>*</c>; one without <c>@</c> matches every version.
/// </summary>
public sealed class DeniedLicensesPolicy(IReadOnlyList<string> licenses, IReadOnlyList<string> exempt) : IPolicy
{
    public const string PolicyName = "denied-licenses";

    public static readonly IReadOnlyList<string> DefaultLicenses = ["AGPL-3.0-only", "AGPL-3.0-or-later"];

    private readonly IReadOnlySet<string> denied = licenses.Select(SpdxExpression.Normalize).ToHashSet(StringComparer.Ordinal);

    public string Name => PolicyName;

    public string Description => $"No package under {string.Join(", ", licenses)}" + (exempt.Count == 0 ? "" : $" (exempt: {string.Join(", ", exempt)})");

    public static DeniedLicensesPolicy Read(PolicyParameters parameters)
    {
        var licenses = parameters.Strings("licenses", DefaultLicenses);
        var exempt = parameters.Strings("exempt", []);
        parameters.Finish();
        return new DeniedLicensesPolicy(licenses, exempt);
    }

    public PolicyResult Evaluate(PolicyContext context)
    {
        var evidence = new List<string>();
        foreach (var package in context.Assessment.Sbom.Packages)
        {
            var found = package.Licenses.SelectMany(l => SpdxExpression.DeniedIn(l, denied)).Distinct(StringComparer.Ordinal).ToList();
            if (found.Count > 0 && !IsExempt(package.Purl))
            {
                evidence.Add($"{package.Purl}: {string.Join(" AND ", package.Licenses)}");
            }
        }
        evidence = evidence.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return evidence.Count == 0
            ? PolicyResult.Pass(Name, $"no package under {string.Join(" or ", licenses)}")
            : PolicyResult.Fail(Name, VulnerabilityEvidence.Count(evidence.Count, "package") + $" under {string.Join(" or ", licenses)}", evidence);
    }

    private bool IsExempt(string purl)
    {
        var bare = purl.Split('#')[0].Split('?')[0];
        var unversioned = bare.Split('@')[0];
        return exempt.Any(p => GlobPattern.Matches(p, purl) || GlobPattern.Matches(p, bare) || (!p.Contains('@', StringComparison.Ordinal) && GlobPattern.Matches(p, unversioned)));
    }
}
