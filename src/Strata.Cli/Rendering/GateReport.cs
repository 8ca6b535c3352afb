using Spectre.Console;
using Strata.Analysis.Gate;

namespace Strata.Cli.Rendering;

/// <summary>Prints CI rule results as dive does: one PASS, FAIL or SKIP line per rule, then the overall result.</summary>
public static class GateReport
{
    public static void Render(IAnsiConsole console, IReadOnlyList<RuleResult> results)
    {
        console.WriteLine();
        console.MarkupLine("[bold]CI rules[/]");
        foreach (var result in results)
        {
            var (label, colour) = result.Status switch
            {
                RuleStatus.Pass => ("PASS", "green"),
                RuleStatus.Fail => ("FAIL", "red"),
                _ => ("SKIP", "grey"),
            };
            var detail = result.Detail.Length == 0 ? "" : $": {TerminalText.Markup(result.Detail)}";
            console.MarkupLine($"  [{colour}]{label}[/]: {result.Rule}{detail}");
        }
        var failed = results.Count(r => r.Status == RuleStatus.Fail);
        var passed = results.Count(r => r.Status == RuleStatus.Pass);
        var skipped = results.Count(r => r.Status == RuleStatus.Skip);
        var overall = failed > 0 ? "[red]FAIL[/]" : "[green]PASS[/]";
        console.MarkupLine($"Result:{overall} [[Total:{results.Count}]] [[Passed:{passed}]] [[Failed:{failed}]] [[Skipped:{skipped}]]");
    }
}
