using System.Globalization;
using Strata.Vulnerabilities.Scanning;
using Strata.Vulnerabilities.Severity;

namespace Strata.Policy.Policies.Builtin;

/// <summary>
/// No vulnerability of the given <c>severities</c> (critical and high by default) that a newer version of its
/// package fixes. With <c>min-age-days</c>, only advisories published at least that many days ago count (a grace
/// period to ship the fix); an advisory without a published date counts, as the safe side.
/// </summary>
public sealed class NoFixableVulnerabilitiesPolicy(IReadOnlySet<SeverityLevel> severities, int minimumAgeDays, bool ignoreBase) : IPolicy
{
    public const string PolicyName = "no-fixable-vulnerabilities";

    public static readonly IReadOnlySet<SeverityLevel> DefaultSeverities = new HashSet<SeverityLevel> { SeverityLevel.Critical, SeverityLevel.High };

    public string Name => PolicyName;

    public string Description => $"No {Levels} vulnerability with a fixed version"
        + (minimumAgeDays > 0 ? string.Create(CultureInfo.InvariantCulture, $", published at least {minimumAgeDays} days ago") : "")
        + (ignoreBase ? ", outside the base image" : "");

    private string Levels => string.Join(" or ", severities.OrderDescending().Select(SeverityNames.Of));

    public static NoFixableVulnerabilitiesPolicy Read(PolicyParameters parameters)
    {
        var severities = parameters.Severities("severities", DefaultSeverities);
        var age = parameters.WholeNumber("min-age-days", 0, 36_500);
        var ignoreBase = parameters.Flag("ignore-base", false);
        parameters.Finish();
        return new NoFixableVulnerabilitiesPolicy(severities, age, ignoreBase);
    }

    public PolicyResult Evaluate(PolicyContext context)
    {
        if (VulnerabilityEvidence.Findings(context, ignoreBase) is not { } findings)
        {
            return PolicyResult.Skip(Name, VulnerabilityEvidence.NoDatabase);
        }
        var cutoff = context.Environment.Now.AddDays(-minimumAgeDays);
        var fixable = findings
            .Where(f => severities.Contains(f.Finding.Severity.Level) && f.Finding.FixedVersions.Count > 0)
            .Where(f => minimumAgeDays == 0 || f.Finding.Published is not { } published || published <= cutoff)
            .ToList();
        var ids = fixable.Select(f => f.Finding.Id).Distinct(StringComparer.Ordinal).Count();
        return fixable.Count == 0
            ? PolicyResult.Pass(Name, $"no fixable {Levels} vulnerabilities")
            : PolicyResult.Fail(Name, $"{VulnerabilityEvidence.Count(ids, "fixable vulnerability")} of severity {Levels} ({VulnerabilityEvidence.Count(fixable.Count, "finding")})",
                VulnerabilityEvidence.Lines(fixable));
    }
}
