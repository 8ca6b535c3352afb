using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules.Safety;

/// <summary>hadolint DL3004: <c>sudo</c> in a RUN. The build runs as the USER set; switch with USER, or use gosu at run time.</summary>
public sealed class SudoRule : DockerfileRule
{
    public override string Id => "STR2006";

    public override string? Hadolint => "DL3004";

    public override AdviceSeverity Severity => AdviceSeverity.Error;

    public override string Title => "sudo in RUN";

    public override string Description =>
        "sudo in a build depends on the sudoers file, may ask for a password or a TTY, and leaves sudo in the image. " +
        "Switch users with USER around the steps that need root, and use gosu or su-exec at run time.";

    public override IEnumerable<RuleHit> Check(LintContext context) =>
        context.Runs.Where(r => r.Commands.Any(c => c.Program == "sudo"))
            .Select(r => new RuleHit(r, "sudo in RUN: switch users with USER instead", "USER root … then USER <app user>"));
}
