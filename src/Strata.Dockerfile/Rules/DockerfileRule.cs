using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules;

/// <summary>What every rule class shares: the identity the interface asks for, declared once per rule.</summary>
public abstract class DockerfileRule : IDockerfileRule
{
    public abstract string Id { get; }

    public virtual string? Hadolint => null;

    public abstract AdviceSeverity Severity { get; }

    public abstract string Title { get; }

    public abstract string Description { get; }

    public abstract IEnumerable<RuleHit> Check(LintContext context);
}
