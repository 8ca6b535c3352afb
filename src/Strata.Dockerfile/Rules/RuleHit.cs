using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Rules;

/// <summary>
/// One place a rule found: the instruction, what is wrong there, how to fix it in words, and, for a safe fix
/// <c>strata lint --fix</c> may apply, the edits of the original text that make it.
/// </summary>
public sealed record RuleHit(LintInstruction Instruction, string Message, string? Fix = null)
{
    /// <summary>The safe fix as edits of the original text, or empty when the fix is left to a person.</summary>
    public IReadOnlyList<DockerfileEdit> Edits { get; init; } = [];

    public IReadOnlyList<string> Paths { get; init; } = [];
}
