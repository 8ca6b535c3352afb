using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules.Safety;

/// <summary>
/// hadolint DL3025: CMD or ENTRYPOINT in shell form runs under <c>/bin/sh -c</c>, so the program is not PID 1 and
/// never receives SIGTERM: <c>docker stop</c> waits, then kills it.
/// </summary>
public sealed class ShellFormCommandRule : DockerfileRule
{
    public override string Id => "STR2007";

    public override string? Hadolint => "DL3025";

    public override AdviceSeverity Severity => AdviceSeverity.Warning;

    public override string Title => "shell-form CMD or ENTRYPOINT";

    public override string Description =>
        "In shell form the command runs as a child of /bin/sh -c, which does not pass signals on: the program never " +
        "sees SIGTERM and is killed after the stop timeout. Use the JSON form: CMD [\"program\", \"arg\"].";

    public override IEnumerable<RuleHit> Check(LintContext context) =>
        context.AllInstructions.Where(i => i.Keyword is "CMD" or "ENTRYPOINT" && !i.Syntax.IsExecForm && i.Syntax.Arguments.Length > 0)
            .Select(i => new RuleHit(i, $"{i.Keyword} in shell form runs under /bin/sh -c and does not receive signals",
                $"{i.Keyword} [{string.Join(", ", i.Operands.Select(w => "\"" + w.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""))}]"));
}
