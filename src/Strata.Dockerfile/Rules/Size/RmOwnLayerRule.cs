using Strata.Dockerfile.Advice;
using Strata.Dockerfile.Rules.Shell;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>
/// A RUN that only deletes (<c>rm</c>, and package-manager cleans) in a stage whose layers reach the final image:
/// the files stay in the earlier layer that added them, so the delete only hides them and saves nothing. The delete
/// belongs at the end of the RUN that created the files.
/// </summary>
public sealed class RmOwnLayerRule : DockerfileRule
{
    public override string Id => "STR1011";

    public override AdviceSeverity Severity => AdviceSeverity.Warning;

    public override string Title => "rm in its own RUN only hides data";

    public override string Description =>
        "Layers only add: deleting files in a later RUN hides them from the container but the earlier layer still " +
        "carries every byte. Delete files in the same RUN that creates them, or keep them out of the image with a " +
        "multi-stage build or a cache mount.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        foreach (var run in context.Runs.Where(r => !r.IsOnBuild && (r.Stage is null || r.Stage.InFinalImage)))
        {
            var commands = run.Commands.ToList();
            if (commands.Count == 0 || !commands.Any(c => c.Program == "rm") || !commands.All(IsCleanup))
            {
                continue;
            }
            var paths = commands.Where(c => c.Program == "rm").SelectMany(c => c.Words).Select(w => w.Value).ToList();
            yield return new RuleHit(run, $"this RUN only deletes ({string.Join(", ", paths)}): the files stay in the layer that added them",
                "delete the files at the end of the RUN that creates them")
            {
                Paths = paths,
            };
        }
    }

    private static bool IsCleanup(ShellCommand c) => c.Program is "rm" or "true" or "set"
        || c.Runs("apt-get", "clean", "autoclean", "autoremove") || c.Runs("apt", "clean", "autoremove")
        || c.Runs("yum", "clean") || c.Runs("dnf", "clean") || c.Runs("apk", "cache") || c.Runs("npm", "cache")
        || c.Runs("yarn", "cache") || c.Runs("pip", "cache") || c.Runs("zypper", "clean", "cc");
}
