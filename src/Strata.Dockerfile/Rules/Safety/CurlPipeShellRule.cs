using Strata.Dockerfile.Advice;

namespace Strata.Dockerfile.Rules.Safety;

/// <summary>
/// <c>curl … | sh</c> (or wget, into any shell or interpreter): a script run unseen and unverified, different on
/// every build.
/// </summary>
public sealed class CurlPipeShellRule : DockerfileRule
{
    private static readonly HashSet<string> Interpreters = new(StringComparer.Ordinal) { "sh", "bash", "ash", "dash", "zsh", "ksh", "python", "python3", "perl", "ruby", "node", "sudo" };

    public override string Id => "STR2005";

    public override AdviceSeverity Severity => AdviceSeverity.Warning;

    public override string Title => "curl | sh";

    public override string Description =>
        "Piping a download into a shell runs whatever the server sends that day, unseen and unverified. Download to a " +
        "file, check its checksum or signature, then run it; or install from a package.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        foreach (var run in context.Runs)
        {
            foreach (var script in run.Scripts)
            {
                var commands = script.Commands;
                var found = Enumerable.Range(1, Math.Max(0, commands.Count - 1)).FirstOrDefault(
                    i => commands[i].Separator == "|" && commands[i - 1].Is("curl", "wget") && Interpreters.Contains(commands[i].Program), -1);
                if (found > 0)
                {
                    yield return new RuleHit(run, $"{commands[found - 1].Program} output piped into {commands[found].Program}: a script run unverified",
                        "download to a file, verify its checksum, then run it");
                    break;
                }
            }
        }
    }
}
