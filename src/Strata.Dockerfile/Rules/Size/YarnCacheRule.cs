using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>
/// hadolint DL3060: <c>yarn install</c> without <c>yarn cache clean</c> after it, in the same RUN, in a stage whose
/// layers reach the final image. A cache mount over .cache/yarn satisfies it.
/// </summary>
public sealed class YarnCacheRule : DockerfileRule
{
    public override string Id => "STR1008";

    public override string? Hadolint => "DL3060";

    public override AdviceSeverity Severity => AdviceSeverity.Info;

    public override string Title => "yarn install without yarn cache clean";

    public override string Description =>
        "yarn keeps every downloaded package in its cache (/usr/local/share/.cache/yarn). End the RUN with && yarn cache clean, " +
        "or mount a cache: RUN --mount=type=cache,target=/usr/local/share/.cache/yarn.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        foreach (var run in context.Runs.Where(r => (r.Stage is null || r.Stage.InFinalImage) && !r.HasCacheMount(".cache/yarn")))
        {
            foreach (var script in run.Scripts)
            {
                var commands = script.Commands;
                var install = commands.ToList().FindLastIndex(c => c.Runs("yarn", "install"));
                if (install >= 0 && !commands.Skip(install + 1).Any(c => c.Runs("yarn", "cache") && c.Argument("clean") is not null))
                {
                    yield return new RuleHit(run, "yarn install without yarn cache clean after it keeps yarn's cache in the layer", "end the RUN with && yarn cache clean")
                    {
                        Paths = ["/usr/local/share/.cache/yarn"],
                    };
                    break;
                }
            }
        }
    }
}
