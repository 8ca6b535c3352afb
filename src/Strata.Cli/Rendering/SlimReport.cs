using System.Globalization;
using Spectre.Console;
using Strata.Cli.Commands;

namespace Strata.Cli.Rendering;

/// <summary>The summary of <c>strata slim</c> for people: before and after, what each removal took, the new digest.</summary>
internal static class SlimReport
{
    public static void Render(IAnsiConsole console, SlimSummary summary)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string value) => grid.AddRow(new Markup($"[bold]{name}[/]"), TerminalText.Cell(value));
        Row("Image", summary.Source);
        Row(summary.DryRun ? "Would write" : "Written to", summary.Destination);
        Row("Manifest digest", summary.ManifestDigest.ToString());
        Row("Compressed size", BeforeAfter(summary.CompressedBefore, summary.CompressedAfter));
        Row("Uncompressed size", BeforeAfter(summary.UncompressedBefore, summary.UncompressedAfter));
        Row("Dead bytes", BeforeAfter(summary.DeadBytesBefore, summary.DeadBytesAfter) + BaseNote(summary));
        Row("Layers", $"{summary.LayersBefore} → {summary.LayersAfter}" + Dropped(summary));
        foreach (var removal in summary.Removals)
        {
            var whitedOut = removal.WhitedOut == 0
                ? ""
                : $"; {removal.WhitedOut} whited out over the base, whose copies stay stored there";
            Row($"Removed ({removal.Reason})", $"{HumanSize.Format(removal.Bytes)} in {Plural.Of(removal.Paths.Count, "path")}{whitedOut}");
        }
        console.Write(grid);
        foreach (var removal in summary.Removals.Where(r => r.Paths.Count > 0))
        {
            console.WriteLine();
            console.MarkupLine($"[bold]Paths removed by {TerminalText.Markup(removal.Reason)}[/]");
            foreach (var path in removal.Paths)
            {
                console.WriteLine("  /" + path);
            }
        }
    }

    private static string BeforeAfter(long before, long after)
    {
        var saved = before - after;
        var share = before == 0 ? "" : $" ({HumanSize.Percent((double)saved / before)} less)";
        return $"{HumanSize.Format(before)} → {HumanSize.Format(after)}, {HumanSize.Format(saved)} saved{share}";
    }

    private static string BaseNote(SlimSummary summary) => summary.DeadBytesLeftInBase > 0
        ? $"; {HumanSize.Format(summary.DeadBytesLeftInBase)} of it in the {Plural.Of(summary.BaseLayers, "base layer")}, kept shared (--rewrite-base removes it)"
        : "";

    private static string Dropped(SlimSummary summary) => summary.LayersDropped.Count == 0
        ? ""
        : $" (dropped, left empty: {string.Join(", ", summary.LayersDropped.Select(i => i.ToString(CultureInfo.InvariantCulture)))})";
}
