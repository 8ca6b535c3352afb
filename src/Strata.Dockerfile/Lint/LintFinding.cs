using Strata.Dockerfile.Rules;
using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Lint;

/// <summary>One finding of <c>strata lint</c>: the shared advice record, the rule behind it, and its safe fix as edits (or none).</summary>
public sealed record LintFinding(Advice.Advice Advice, IDockerfileRule Rule, IReadOnlyList<DockerfileEdit> Edits)
{
    public bool IsFixable => Edits.Count > 0;
}
