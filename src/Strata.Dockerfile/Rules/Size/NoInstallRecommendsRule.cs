using Strata.Dockerfile.Advice;
using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>
/// hadolint DL3015: <c>apt-get install</c> without <c>--no-install-recommends</c> (or
/// <c>-o APT::Install-Recommends=false</c>) installs every recommended package too. Only apt-get, as hadolint.
/// The safe fix inserts the flag after <c>install</c>.
/// </summary>
public sealed class NoInstallRecommendsRule : DockerfileRule
{
    public const string Flag = "--no-install-recommends";

    public override string Id => "STR1002";

    public override string? Hadolint => "DL3015";

    public override AdviceSeverity Severity => AdviceSeverity.Info;

    public override string Title => "apt-get install without --no-install-recommends";

    public override string Description =>
        "Without --no-install-recommends, apt-get install also installs each package's recommended packages, " +
        "often many megabytes the image never uses. Add --no-install-recommends and name what you need.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        foreach (var run in context.Runs)
        {
            var missing = run.Scripts
                .SelectMany(s => s.Commands.Select(c => (Script: s, Command: c)))
                .Where(x => x.Command.Runs("apt-get", "install") && !x.Command.HasFlag("no-install-recommends")
                    && !x.Command.Arguments.Any(a => a.Value.EndsWith("APT::Install-Recommends=false", StringComparison.Ordinal)
                        || a.Value.EndsWith("APT::Install-Recommends=0", StringComparison.Ordinal)))
                .ToList();
            if (missing.Count == 0)
            {
                continue;
            }
            var edits = missing.All(x => x.Script.IsEditable)
                ? missing.Select(x => DockerfileEdit.Insert(x.Command.Argument("install")!.End, " " + Flag)).ToList()
                : [];
            yield return new RuleHit(run, "apt-get install without --no-install-recommends also installs recommended packages",
                $"apt-get install -y {Flag} …")
            {
                Edits = edits,
            };
        }
    }
}
