using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>
/// <c>apt-get upgrade</c> (or <c>dist-upgrade</c>, <c>full-upgrade</c>) in a build: it rewrites the base image's
/// packages into a new layer (the old versions stay below it) and makes the build depend on the day it ran.
/// hadolint once had this as DL3005, since removed; there is no current equivalent.
/// </summary>
public sealed class AptUpgradeRule : DockerfileRule
{
    public override string Id => "STR1016";

    public override AdviceSeverity Severity => AdviceSeverity.Warning;

    public override string Title => "apt-get upgrade";

    public override string Description =>
        "Upgrading every package copies each upgraded file into a new layer while the old one stays in the base, and " +
        "the result depends on the day of the build. Use a newer base image tag instead, and install pinned packages.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        foreach (var run in context.Runs)
        {
            if (run.Commands.FirstOrDefault(c => (c.Is("apt-get", "apt", "aptitude")) && c.Argument("upgrade", "dist-upgrade", "full-upgrade", "safe-upgrade") is not null) is { } upgrade)
            {
                yield return new RuleHit(run, $"{upgrade.Program} {upgrade.Argument("upgrade", "dist-upgrade", "full-upgrade", "safe-upgrade")!.Value} copies upgraded packages into a new layer over the base's",
                    "use a newer base image tag instead of upgrading in the build");
            }
        }
    }
}
