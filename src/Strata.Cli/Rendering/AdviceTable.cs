using System.Globalization;
using Spectre.Console;
using Strata.Analysis.Advising;
using Strata.Dockerfile.Advice;

namespace Strata.Cli.Rendering;

/// <summary>
/// advise for people: the size findings (largest saving first), then the safety findings (most severe first), each
/// one line (ID, saving or severity, layer, Dockerfile line, title) with its fix on the next, then the total saving.
/// Colours follow NO_COLOR, as Spectre does.
/// </summary>
public static class AdviceTable
{
    public static void Render(IAnsiConsole console, string imageName, ImageAdvice advice, bool quiet)
    {
        if (!quiet)
        {
            console.MarkupLine($"[bold]{TerminalText.Markup(imageName)}[/]  {Plural.Of(advice.Findings.Count, "finding")}");
        }
        var size = advice.Findings.Where(ImageAdvice.IsSize).OrderByDescending(f => f.Bytes ?? -1).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        var safety = advice.Findings.Where(f => !ImageAdvice.IsSize(f)).OrderByDescending(f => f.Severity).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        Group(console, "SIZE", "blue", size, f => f.Bytes is { } b ? HumanSize.Format(b) : "-");
        Group(console, "SAFETY", "red", safety, f => AdviceJsonWriter.SeverityName(f.Severity));
        console.WriteLine();
        console.MarkupLine(Markup.Escape(Total(advice)));
    }

    /// <summary>The total line: file bytes (each stored file once) and, apart, the base's compressed bytes.</summary>
    public static string Total(ImageAdvice advice)
    {
        var line = $"Estimated savings: {HumanSize.Format(advice.FileSavings)} of stored files (each file counted once)";
        return advice.BaseSavings is { } bytes ? line + $", and about {HumanSize.Format(bytes)} compressed from a slimmer base image" : line;
    }

    private static void Group(IAnsiConsole console, string name, string colour, List<Advice> findings, Func<Advice, string> second)
    {
        if (findings.Count == 0)
        {
            return;
        }
        console.WriteLine();
        console.MarkupLine($"[{colour}]{name}[/] ({findings.Count.ToString(CultureInfo.InvariantCulture)})");
        var rows = findings.Select(f => new[]
        {
            f.Id,
            second(f),
            f.LayerIndex is { } layer ? $"layer {layer.ToString(CultureInfo.InvariantCulture)}" : "",
            f.Line is { } line ? $"line {line.ToString(CultureInfo.InvariantCulture)}" : "",
            TerminalText.Safe(f.Title),
        }).ToList();
        var widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var indent = new string(' ', widths[0] + 3);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var text = $"{row[0].PadRight(widths[0])}   {row[1].PadLeft(widths[1])}   {row[2].PadRight(widths[2])}   {row[3].PadRight(widths[3])}   {row[4]}";
            console.Profile.Out.Writer.WriteLine(text);
            if (findings[i].Fix is { } fix)
            {
                console.Profile.Out.Writer.WriteLine($"{indent}fix: {TerminalText.Safe(fix)}");
            }
        }
    }
}
