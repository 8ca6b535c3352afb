using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules.Safety;

/// <summary>hadolint DL3003: <c>cd</c> in a RUN, where WORKDIR says where the following steps run.</summary>
public sealed class CdRule : DockerfileRule
{
    public override string Id => "STR2008";

    public override string? Hadolint => "DL3003";

    public override AdviceSeverity Severity => AdviceSeverity.Warning;

    public override string Title => "cd instead of WORKDIR";

    public override string Description =>
        "A cd lasts only until the end of its RUN, so later steps silently run elsewhere. Set the folder with WORKDIR, " +
        "which every later instruction and the container itself use.";

    public override IEnumerable<RuleHit> Check(LintContext context) =>
        context.Runs.Where(r => r.Commands.Any(c => c.Program == "cd"))
            .Select(r => new RuleHit(r, "cd in RUN: use WORKDIR to change folder", "WORKDIR <folder>"));
}
