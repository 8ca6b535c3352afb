using System.Globalization;
using Spectre.Console;
using Strata.Policy.Policies;

namespace Strata.Cli.Rendering;

/// <summary>
/// A policy report for people: the image, the policy source and the grade, then a row per policy (status, name,
/// reason) with its evidence indented below, a few lines each. Quiet keeps only the rows of failed policies.
/// </summary>
public static class PolicyTable
{
    /// <summary>Evidence lines shown per policy; json has them all.</summary>
    private const int EvidenceShown = 8;

    public static void Render(IAnsiConsole console, string image, string source, PolicyReport report, bool quiet)
    {
        if (!quiet)
        {
            console.MarkupLine($"[bold]{TerminalText.Markup(image)}[/]  policies: {TerminalText.Markup(source)}");
            var counts = report.Policies.GroupBy(p => p.Status).ToDictionary(g => g.Key, g => g.Count());
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"Grade [{GradeColour(report.Grade)}]{report.Grade}[/] ({report.Score}/100): {counts.GetValueOrDefault(PolicyStatus.Pass)} passed, {counts.GetValueOrDefault(PolicyStatus.Fail)} failed, {counts.GetValueOrDefault(PolicyStatus.Skip)} skipped"));
            console.WriteLine();
        }
        foreach (var result in report.Policies.Where(r => !quiet || r.Status == PolicyStatus.Fail))
        {
            var (word, colour) = result.Status switch
            {
                PolicyStatus.Pass => ("PASS", "green"),
                PolicyStatus.Fail => ("FAIL", "red"),
                _ => ("SKIP", "grey"),
            };
            console.MarkupLine($"[{colour}]{word}[/]  {TerminalText.Markup(result.Name)}: {TerminalText.Markup(result.Reason)}");
            if (result.Status == PolicyStatus.Pass)
            {
                continue;
            }
            foreach (var item in result.Evidence.Take(EvidenceShown))
            {
                console.MarkupLine($"      {TerminalText.Markup(item)}");
            }
            if (result.Evidence.Count > EvidenceShown)
            {
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"      [grey]and {result.Evidence.Count - EvidenceShown} more (--format json lists them all)[/]"));
            }
        }
    }

    private static string GradeColour(string grade) => grade switch
    {
        "A" or "B" => "green",
        "C" => "yellow",
        _ => "red",
    };
}
