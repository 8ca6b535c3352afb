using Strata.Dockerfile.Advice;
using Strata.Dockerfile.Rules.Shell;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>
/// npm's counterpart of DL3060 (hadolint has none): <c>npm install</c> or <c>npm ci</c> without
/// <c>npm cache clean --force</c> (or removing ~/.npm) after it, in a stage whose layers reach the final image. A
/// cache mount over .npm satisfies it.
/// </summary>
public sealed class NpmCacheRule : DockerfileRule
{
    public override string Id => "STR1009";

    public override AdviceSeverity Severity => AdviceSeverity.Info;

    public override string Title => "npm install without npm cache clean";

    public override string Description =>
        "npm keeps every downloaded package in ~/.npm/_cacache. End the RUN with && npm cache clean --force, " +
        "or mount a cache: RUN --mount=type=cache,target=/root/.npm npm ci.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        foreach (var run in context.Runs.Where(r => (r.Stage is null || r.Stage.InFinalImage) && !r.HasCacheMount(".npm")))
        {
            foreach (var script in run.Scripts)
            {
                var commands = script.Commands;
                var install = commands.ToList().FindLastIndex(IsInstall);
                if (install >= 0 && !commands.Skip(install + 1).Any(IsClean))
                {
                    yield return new RuleHit(run, "npm install without npm cache clean after it keeps npm's cache (~/.npm) in the layer", "end the RUN with && npm cache clean --force")
                    {
                        Paths = ["/root/.npm"],
                    };
                    break;
                }
            }
        }
    }

    private static bool IsInstall(ShellCommand c) => c.Program == "npm" && c.Words.FirstOrDefault()?.Value is "install" or "i" or "ci" or "add";

    private static bool IsClean(ShellCommand c) =>
        (c.Runs("npm", "cache") && c.Argument("clean") is not null) || (c.Program == "rm" && c.Words.Any(w => w.Value.Contains(".npm", StringComparison.Ordinal)));
}
