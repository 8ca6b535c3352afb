using Strata.Dockerfile.Advice;
using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>
/// hadolint DL3009: a RUN that runs <c>apt-get update</c> leaves /var/lib/apt/lists (tens of MB) in its layer unless
/// the same RUN removes it; a later RUN's <c>rm</c> only hides it. Only stages whose layers reach the final image are
/// judged. A cache or tmpfs mount over the lists (or over /var/lib/apt and /var/cache/apt) keeps them out of the layer.
/// The safe fix appends <c>&amp;&amp; rm -rf /var/lib/apt/lists/*</c> when the RUN also installs and no later RUN
/// installs without its own update.
/// </summary>
public sealed class AptListsRule : DockerfileRule
{
    public const string Cleanup = "rm -rf /var/lib/apt/lists/*";

    public override string Id => "STR1001";

    public override string? Hadolint => "DL3009";

    public override AdviceSeverity Severity => AdviceSeverity.Info;

    public override string Title => "apt lists not removed in the same RUN";

    public override string Description =>
        "apt-get update downloads the package lists to /var/lib/apt/lists. Unless the same RUN removes them " +
        "(&& rm -rf /var/lib/apt/lists/*), they stay in that layer; removing them in a later RUN only hides them. " +
        "A --mount=type=cache over /var/lib/apt/lists keeps them out of the image as well.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        foreach (var run in context.Runs.Where(r => r.Stage is null || r.Stage.InFinalImage))
        {
            if (!run.Commands.Any(PackageCommands.IsAptUpdate) || run.Commands.Any(PackageCommands.RemovesAptLists)
                || run.HasCacheMount("/var/lib/apt/lists") || (run.HasCacheMount("/var/lib/apt") && run.HasCacheMount("/var/cache/apt")))
            {
                continue;
            }
            var edits = SafeEdit(context, run);
            yield return new RuleHit(run, "apt-get update leaves /var/lib/apt/lists in this layer: remove the lists in the same RUN, after the last install",
                $"end the RUN with && {Cleanup}")
            {
                Edits = edits,
                Paths = ["/var/lib/apt/lists"],
            };
        }
    }

    private static IReadOnlyList<DockerfileEdit> SafeEdit(LintContext context, LintInstruction run)
    {
        var script = run.Script;
        if (script is null || !script.IsEditable || script.EndsWithOperator || !script.Commands.Any(PackageCommands.IsAptInstall)
            || run.Scripts.Count > 1 || run.IsOnBuild)
        {
            return [];
        }
        // Removing the lists breaks a later apt-get install that relies on them (one with no update of its own).
        var later = context.Runs.Where(r => r.Line > run.Line && r.Stage is not null && run.Stage is not null && r.Stage.Lineage.Contains(run.Stage));
        if (later.Any(r => r.Commands.Any(PackageCommands.IsAptInstall) && !r.Commands.Any(PackageCommands.IsAptUpdate)))
        {
            return [];
        }
        return [DockerfileEdit.Insert(script.ContentEnd, " && " + Cleanup)];
    }
}
