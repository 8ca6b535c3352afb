using System.Globalization;
using Strata.Analysis.Model;
using Strata.Cli.Rendering;
using Terminal.Gui.ViewBase;

namespace Strata.Cli.Explore;

/// <summary>The Image details pane: total size, dive's efficiency and wasted bytes, dead bytes, and the top wasted files.</summary>
internal sealed class ImageDetailsView(ImageAnalysis analysis) : RowsView
{
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var dive = analysis.Dive;
        var lines = new List<string>
        {
            $"Total size:   {HumanSize.Format(dive.SizeBytes)}",
            $"Efficiency:   {HumanSize.Percent(dive.Efficiency)}",
            $"Wasted bytes: {HumanSize.Format(dive.WastedBytes)}",
            $"Dead bytes:   {HumanSize.Format(analysis.DeadBytes)}",
            $"{"Count",5} {"Wasted",9}  Top wasted files",
        };
        lines.AddRange(dive.InefficientFiles
            .OrderByDescending(f => f.CumulativeSize)
            .Take(Math.Max(0, VisibleRows - lines.Count))
            .Select(f => $"{f.Count.ToString(CultureInfo.InvariantCulture),5} {HumanSize.Format(f.CumulativeSize),9}  /{Safe(f.Path.TrimStart('/'))}"));
        for (var row = 0; row < VisibleRows; row++)
        {
            Line(row, row < lines.Count ? lines[row] : "", Normal);
        }
        return true;
    }
}
