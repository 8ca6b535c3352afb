using Strata.Dockerfile.Rules;
using Strata.Dockerfile.Syntax;

namespace Strata.Dockerfile.Lint;

/// <summary>
/// Runs the rules over a Dockerfile and keeps the findings no ignore comment and no <c>--ignore</c> ID suppresses,
/// ordered by line, then ID.
/// </summary>
public static class DockerfileLinter
{
    /// <param name="ignore">Rule IDs to leave out, Strata (<c>STR1001</c>) or hadolint (<c>DL3009</c>), any case.</param>
    public static IReadOnlyList<LintFinding> Lint(DockerfileDocument document, IEnumerable<string>? ignore = null, IReadOnlyList<IDockerfileRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var context = LintContext.From(document);
        var ignored = new HashSet<string>(ignore ?? [], StringComparer.OrdinalIgnoreCase);
        ignored.UnionWith(IgnorePragma.Global(document));
        var findings = new List<LintFinding>();
        foreach (var rule in rules ?? DockerfileRules.All)
        {
            if (IsIgnored(rule, ignored))
            {
                continue;
            }
            foreach (var hit in rule.Check(context))
            {
                if (IsIgnored(rule, IgnorePragma.Above(hit.Instruction.Outer)))
                {
                    continue;
                }
                findings.Add(new LintFinding(ToAdvice(rule, hit), rule, hit.Edits));
            }
        }
        return findings.OrderBy(f => f.Advice.Line).ThenBy(f => f.Advice.Id, StringComparer.Ordinal).ToList();
    }

    private static bool IsIgnored(IDockerfileRule rule, IReadOnlySet<string> ids) =>
        ids.Contains(rule.Id) || (rule.Hadolint is { } hadolint && ids.Contains(hadolint));

    private static Advice.Advice ToAdvice(IDockerfileRule rule, RuleHit hit) => new()
    {
        Id = rule.Id,
        Hadolint = rule.Hadolint,
        Severity = rule.Severity,
        Title = rule.Title,
        Message = hit.Message,
        Line = hit.Instruction.Line,
        Paths = hit.Paths,
        Fix = hit.Fix,
    };
}
