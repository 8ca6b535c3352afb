using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>
/// hadolint DL3046: <c>useradd</c> with a UID of more than five digits and without <c>-l</c>
/// (<c>--no-log-init</c>) writes a sparse /var/log/lastlog and faillog as large as the UID implies, which layers
/// store in full.
/// </summary>
public sealed class UseraddRule : DockerfileRule
{
    public override string Id => "STR1017";

    public override string? Hadolint => "DL3046";

    public override AdviceSeverity Severity => AdviceSeverity.Warning;

    public override string Title => "useradd with a high UID without -l";

    public override string Description =>
        "useradd records the new user in /var/log/lastlog and faillog at an offset proportional to the UID; the file is " +
        "sparse on disk but a layer stores it in full, gigabytes for a high UID. Pass -l (--no-log-init).";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        foreach (var run in context.Runs)
        {
            var useradd = run.Commands.FirstOrDefault(c => c.Program == "useradd" && !c.HasFlag("l", "no-log-init")
                && c.FlagValue("u", "uid") is { Length: > 5 });
            if (useradd is not null)
            {
                yield return new RuleHit(run, $"useradd with UID {useradd.FlagValue("u", "uid")} and no -l writes a huge /var/log/lastlog into the layer",
                    "useradd -l …")
                {
                    Paths = ["/var/log/lastlog", "/var/log/faillog"],
                };
            }
        }
    }
}
