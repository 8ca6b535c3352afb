using System.Globalization;
using Strata.Analysis.Model;
using Strata.Cli.Rendering;
using Terminal.Gui.ViewBase;

namespace Strata.Cli.Explore;

/// <summary>The Layers pane: index, size, dead bytes and command of each layer, the selected one highlighted.</summary>
internal sealed class LayersView(ImageAnalysis analysis, ExplorerColors colors) : RowsView
{
    public RowCursor RowsCursor { get; } = new();

    public int Count => analysis.Layers.Count;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        RowsCursor.Fit(Count, VisibleRows - 1);
        Line(0, $"{"#",3} {"Size",9} {"Dead",9}  Command", Normal);
        for (var row = 0; row < VisibleRows - 1; row++)
        {
            var index = RowsCursor.Top + row;
            if (index >= Count)
            {
                Line(row + 1, "", Normal);
                continue;
            }
            var layer = analysis.Layers[index];
            var dead = layer.DeadBytes == 0 ? "-" : HumanSize.Format(layer.DeadBytes);
            var text = $"{index.ToString(CultureInfo.InvariantCulture),3} {HumanSize.Format(layer.SizeBytes),9} {dead,9}  {Safe(DockerfileText.From(layer.CreatedBy))}";
            var attribute = layer.DeadBytes > 0 ? Paint(colors, colors.Dead) : Normal;
            Line(row + 1, text, index == RowsCursor.Selected ? Selection(Normal) : attribute);
        }
        return true;
    }
}
