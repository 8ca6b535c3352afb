using Strata.Vulnerabilities.Scanning;
using Strata.Vulnerabilities.Severity;

namespace Strata.Policy.Policies.Builtin;

/// <summary>
/// No known vulnerability at or above the <c>severity</c> threshold (critical by default), fixed or not;
/// <c>unknown</c> as the threshold counts every finding.
/// </summary>
public sealed class NoKnownVulnerabilitiesPolicy(SeverityLevel threshold, bool ignoreBase) : IPolicy
{
    public const string PolicyName = "no-known-vulnerabilities";

    public string Name => PolicyName;

    public string Description => (threshold == SeverityLevel.Unknown ? "No known vulnerability" : $"No known vulnerability of severity {SeverityNames.Of(threshold)} or above")
        + (ignoreBase ? ", outside the base image" : "");

    public static NoKnownVulnerabilitiesPolicy Read(PolicyParameters parameters)
    {
        var threshold = parameters.Severity("severity", SeverityLevel.Critical);
        var ignoreBase = parameters.Flag("ignore-base", false);
        parameters.Finish();
        return new NoKnownVulnerabilitiesPolicy(threshold, ignoreBase);
    }

    public PolicyResult Evaluate(PolicyContext context)
    {
        if (VulnerabilityEvidence.Findings(context, ignoreBase) is not { } findings)
        {
            return PolicyResult.Skip(Name, VulnerabilityEvidence.NoDatabase);
        }
        var known = findings.Where(f => f.Finding.Severity.Level >= threshold).ToList();
        var what = threshold == SeverityLevel.Unknown ? "" : $" of severity {SeverityNames.Of(threshold)} or above";
        var ids = known.Select(f => f.Finding.Id).Distinct(StringComparer.Ordinal).Count();
        return known.Count == 0
            ? PolicyResult.Pass(Name, $"no known vulnerability{what}")
            : PolicyResult.Fail(Name, VulnerabilityEvidence.Count(ids, "known vulnerability") + what, VulnerabilityEvidence.Lines(known));
    }
}
