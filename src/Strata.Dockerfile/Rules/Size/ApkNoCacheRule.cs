using Strata.Dockerfile.Advice;
using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Rules.Size;

/// <summary>
/// hadolint DL3019: <c>apk add</c> without <c>--no-cache</c> keeps the package index in /var/cache/apk. A cache mount
/// over /var/cache/apk satisfies it. The safe fix inserts <c>--no-cache</c> after <c>add</c>.
/// </summary>
public sealed class ApkNoCacheRule : DockerfileRule
{
    public const string Flag = "--no-cache";

    public override string Id => "STR1004";

    public override string? Hadolint => "DL3019";

    public override AdviceSeverity Severity => AdviceSeverity.Info;

    public override string Title => "apk add without --no-cache";

    public override string Description =>
        "apk add keeps the downloaded package index in /var/cache/apk. With --no-cache it fetches the index, " +
        "installs, and keeps nothing, so no apk update and no rm -rf /var/cache/apk/* are needed.";

    public override IEnumerable<RuleHit> Check(LintContext context)
    {
        foreach (var run in context.Runs.Where(r => !r.HasCacheMount("/var/cache/apk")))
        {
            var missing = run.Scripts
                .SelectMany(s => s.Commands.Select(c => (Script: s, Command: c)))
                .Where(x => x.Command.Runs("apk", "add") && !x.Command.HasFlag("no-cache"))
                .ToList();
            if (missing.Count == 0)
            {
                continue;
            }
            var edits = missing.All(x => x.Script.IsEditable)
                ? missing.Select(x => DockerfileEdit.Insert(x.Command.Argument("add")!.End, " " + Flag)).ToList()
                : [];
            yield return new RuleHit(run, "apk add without --no-cache keeps the package index in /var/cache/apk", $"apk add {Flag} …")
            {
                Edits = edits,
                Paths = ["/var/cache/apk"],
            };
        }
    }
}
