namespace Strata.Policy.Policies.Builtin;

/// <summary>
/// None of a list of notorious vulnerabilities, matched by the finding's ID or any of its aliases (so a Debian
/// DLA or a GHSA record naming the CVE counts), in any case. <c>ids</c> replaces the default list.
/// </summary>
public sealed class NoHighProfileVulnerabilitiesPolicy(IReadOnlyList<string> ids) : IPolicy
{
    public const string PolicyName = "no-high-profile-vulnerabilities";

    /// <summary>Log4Shell, Heartbleed, the xz backdoor, Shellshock, Spring4Shell, regreSSHion, and a few of their kind.</summary>
    public static readonly IReadOnlyList<string> DefaultIds =
    [
        "CVE-2021-44228", // Log4Shell
        "CVE-2021-45046", // Log4Shell's incomplete fix
        "CVE-2014-0160", // Heartbleed
        "CVE-2024-3094", // xz/liblzma backdoor
        "CVE-2014-6271", // Shellshock
        "CVE-2014-7169", // Shellshock's incomplete fix
        "CVE-2022-22965", // Spring4Shell
        "CVE-2024-6387", // regreSSHion
        "CVE-2017-5638", // Apache Struts (Equifax)
        "CVE-2023-4863", // libwebp heap overflow
        "CVE-2023-44487", // HTTP/2 Rapid Reset
    ];

    public string Name => PolicyName;

    public string Description => $"None of the high-profile vulnerabilities {string.Join(", ", ids)}";

    public static NoHighProfileVulnerabilitiesPolicy Read(PolicyParameters parameters)
    {
        var ids = parameters.Strings("ids", DefaultIds);
        parameters.Finish();
        return new NoHighProfileVulnerabilitiesPolicy(ids);
    }

    public PolicyResult Evaluate(PolicyContext context)
    {
        if (VulnerabilityEvidence.Findings(context, ignoreBase: false) is not { } findings)
        {
            return PolicyResult.Skip(Name, VulnerabilityEvidence.NoDatabase);
        }
        var wanted = ids.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var hits = findings.Where(f => f.Finding.Aliases.Prepend(f.Finding.Id).Any(wanted.Contains)).ToList();
        if (hits.Count == 0)
        {
            return PolicyResult.Pass(Name, $"none of the {ids.Count} high-profile vulnerabilities");
        }
        var named = hits.SelectMany(f => f.Finding.Aliases.Prepend(f.Finding.Id).Where(wanted.Contains)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        return PolicyResult.Fail(Name, $"high-profile: {string.Join(", ", named)}", VulnerabilityEvidence.Lines(hits));
    }
}
