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
        var needsLists = new ListsNeededLater(context);
        foreach (var run in context.Runs.Where(r => r.Stage is null || r.Stage.InFinalImage))
        {
            if (!run.Commands.Any(PackageCommands.IsAptUpdate) || run.Commands.Any(PackageCommands.RemovesAptLists)
                || run.HasCacheMount("/var/lib/apt/lists") || (run.HasCacheMount("/var/lib/apt") && run.HasCacheMount("/var/cache/apt")))
            {
                continue;
            }
            yield return new RuleHit(run, "apt-get update leaves /var/lib/apt/lists in this layer: remove the lists in the same RUN, after the last install",
                $"end the RUN with && {Cleanup}")
            {
                Edits = SafeEdit(run, needsLists),
                Paths = ["/var/lib/apt/lists"],
            };
        }
    }

    private static IReadOnlyList<DockerfileEdit> SafeEdit(LintInstruction run, ListsNeededLater needsLists)
    {
        var script = run.Script;
        if (script is null || !script.IsEditable || script.EndsWithOperator || !script.Commands.Any(PackageCommands.IsAptInstall)
            || run.Scripts.Count > 1 || run.IsOnBuild || needsLists.After(run))
        {
            return [];
        }
        return [DockerfileEdit.Insert(script.ContentEnd, " && " + Cleanup)];
    }

    /// <summary>
    /// Whether a RUN after a given one, in its stage or a stage built on it, installs with apt without updating first,
    /// and so relies on the lists being there. Worked out once, in one pass per stage, so a long file stays linear.
    /// </summary>
    private sealed class ListsNeededLater
    {
        private readonly Dictionary<LintStage, int> lastRelyingLine = [];
        private readonly HashSet<LintStage> relyingDescendants = [];

        public ListsNeededLater(LintContext context)
        {
            foreach (var run in context.Runs.Where(r => r.Stage is not null && !r.IsOnBuild && r.Commands.Any(PackageCommands.IsAptInstall) && !r.Commands.Any(PackageCommands.IsAptUpdate)))
            {
                lastRelyingLine[run.Stage!] = Math.Max(lastRelyingLine.GetValueOrDefault(run.Stage!), run.Line);
            }
            // A stage comes after the stage it builds on, so walking back from the last carries the mark down the lineage.
            foreach (var stage in context.Stages.Reverse())
            {
                if (stage.BaseStage is { } parent && (lastRelyingLine.ContainsKey(stage) || relyingDescendants.Contains(stage)))
                {
                    relyingDescendants.Add(parent);
                }
            }
        }

        public bool After(LintInstruction run) => run.Stage is { } stage
            && (lastRelyingLine.GetValueOrDefault(stage) > run.Line || relyingDescendants.Contains(stage));
    }
}
