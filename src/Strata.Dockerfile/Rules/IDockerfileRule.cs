using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules;

/// <summary>
/// One lint rule: a stable Strata ID (STR1xxx size and cache, STR2xxx safety; an ID never changes meaning), the
/// equivalent hadolint rule where there is one, its severity, and the check that finds its instances in a Dockerfile.
/// </summary>
public interface IDockerfileRule
{
    string Id { get; }

    /// <summary>The equivalent hadolint rule (<c>DL3009</c>), or null.</summary>
    string? Hadolint { get; }

    AdviceSeverity Severity { get; }

    /// <summary>A short title: what is wrong.</summary>
    string Title { get; }

    /// <summary>Why it matters and how to fix it, for help texts (SARIF's rule help).</summary>
    string Description { get; }

    IEnumerable<RuleHit> Check(LintContext context);
}
