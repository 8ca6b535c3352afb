using System.Globalization;
using Spectre.Console;
using Strata.Dockerfile.Advice;
using Strata.Dockerfile.Lint;

namespace Strata.Cli.Rendering;

/// <summary>
/// Lint findings for people: the file and a count per severity, then one group per severity (errors first) of
/// aligned rows: line, Strata ID, hadolint ID, message, and a safe fix's mark. Colours follow NO_COLOR, as Spectre does.
/// </summary>
public static class LintTable
{
    public static void Render(IAnsiConsole console, string dockerfile, IReadOnlyList<LintFinding> findings, bool quiet)
    {
        var groups = findings.GroupBy(f => f.Advice.Severity).OrderByDescending(g => g.Key).ToList();
        if (!quiet)
        {
            var counts = groups.Select(g => Plural.Of(g.Count(), Name(g.Key), g.Key == AdviceSeverity.Info ? "info" : null));
            var line = findings.Count == 0 ? "no findings" : $"{Plural.Of(findings.Count, "finding")}: {string.Join(", ", counts)}";
            var fixable = findings.Count(f => f.IsFixable);
            if (fixable > 0)
            {
                line += $" ({fixable} fixable with --fix)";
            }
            console.MarkupLine($"[bold]{TerminalText.Markup(dockerfile)}[/]  {Markup.Escape(line)}");
        }
        foreach (var group in groups)
        {
            console.WriteLine();
            console.MarkupLine($"[{Colour(group.Key)}]{Name(group.Key).ToUpperInvariant()}[/] ({group.Count()})");
            var table = new PlainColumns("LINE", "ID", "HADOLINT", "FINDING", "FIX");
            foreach (var finding in group)
            {
                var advice = finding.Advice;
                table.AddRow(
                    advice.Line?.ToString(CultureInfo.InvariantCulture) ?? "",
                    advice.Id,
                    advice.Hadolint ?? "",
                    advice.Message,
                    (finding.IsFixable ? "(--fix) " : "") + (advice.Fix ?? ""));
            }
            table.Write(console);
        }
    }

    private static string Name(AdviceSeverity severity) => AdviceJsonWriter.SeverityName(severity);

    private static string Colour(AdviceSeverity severity) => severity switch
    {
        AdviceSeverity.Error => "red",
        AdviceSeverity.Warning => "yellow",
        _ => "blue",
    };
}
