using Strata.Dockerfile.Advice;
using Strata.Dockerfile.Rules.Shell;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>
/// The shape of hadolint's DL3032, DL3040 and DL3036: a package manager's install must be followed, in the same RUN,
/// by its clean command, unless a cache mount covers its cache folder.
/// </summary>
public abstract class PackageCleanRule : DockerfileRule
{
    public override AdviceSeverity Severity => AdviceSeverity.Warning;

    /// <summary>What the message names: <c>yum clean all</c>.</summary>
    protected abstract string CleanCommand { get; }

    /// <summary>The cache folder the install fills.</summary>
    protected abstract string CacheFolder { get; }

    /// <summary>Fragments of a cache mount's target that keep the cache out of the layer.</summary>
    protected abstract string[] CacheMounts { get; }

    protected abstract bool IsInstall(ShellCommand command);

    protected abstract bool IsClean(ShellCommand command);

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        foreach (var run in context.Runs.Where(r => !r.HasCacheMount(CacheMounts)))
        {
            foreach (var script in run.Scripts)
            {
                var commands = script.Commands;
                var lastInstall = commands.Select((c, i) => (c, i)).LastOrDefault(x => IsInstall(x.c), (null!, -1)).Item2;
                if (lastInstall >= 0 && !commands.Skip(lastInstall + 1).Any(IsClean))
                {
                    yield return new RuleHit(run, $"{CleanCommand} missing after the install: its cache stays in {CacheFolder}", $"end the RUN with && {CleanCommand}")
                    {
                        Paths = [CacheFolder],
                    };
                    break;
                }
            }
        }
    }
}
