using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>
/// hadolint DL3059: a RUN right after another RUN (comments between do not count) with the same flags, where neither
/// chains more than two commands: each RUN is a layer, and short steps that belong together are better one. Longer
/// chains are left alone, as hadolint does: splitting them was likely deliberate, for the cache.
/// </summary>
public sealed class ConsecutiveRunRule : DockerfileRule
{
    public override string Id => "STR1010";

    public override string? Hadolint => "DL3059";

    public override AdviceSeverity Severity => AdviceSeverity.Info;

    public override string Title => "consecutive RUN instructions";

    public override string Description =>
        "Every RUN makes a layer. Short consecutive RUNs that belong together (an apt-get update and its install, " +
        "a download and its extraction) are better joined with && into one RUN, which also lets a cleanup at the end " +
        "actually free space.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        LintInstruction? previous = null;
        foreach (var instruction in context.Instructions)
        {
            if (instruction.Keyword != "RUN")
            {
                previous = null;
                continue;
            }
            if (previous is not null && Flags(previous) == Flags(instruction) && Count(previous) <= 2 && Count(instruction) <= 2)
            {
                yield return new RuleHit(instruction, $"RUN right after the RUN on line {previous.Line}: join them with && into one layer", "join the two RUNs with &&");
            }
            previous = instruction;
        }
    }

    private static int Count(LintInstruction run) => run.Commands.Count();

    private static string Flags(LintInstruction run) => string.Join(' ', run.Syntax.Flags.Select(f => f.ToString()));
}
