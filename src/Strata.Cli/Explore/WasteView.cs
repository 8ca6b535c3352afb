using Strata.Analysis.Explore;
using Strata.Cli.Rendering;
using Terminal.Gui.ViewBase;

namespace Strata.Cli.Explore;

/// <summary>The Waste pane: the dead files and duplicates, largest first; Enter jumps to the file in its layer.</summary>
internal sealed class WasteView(Func<IReadOnlyList<WasteItem>?> waste, ExplorerColors colors) : RowsView
{
    public RowCursor RowsCursor { get; } = new();

    /// <summary>Empty until the list is built.</summary>
    private IReadOnlyList<WasteItem> Items => waste() ?? [];

    public int Count => Items.Count;

    public WasteItem? Selected => Items.Count == 0 ? null : Items[RowsCursor.Selected];

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var items = Items;
        RowsCursor.Fit(Count, VisibleRows);
        for (var row = 0; row < VisibleRows; row++)
        {
            var index = RowsCursor.Top + row;
            if (index >= Count)
            {
                Line(row, row > 0 ? "" : waste() is null ? "reading the waste…" : Count == 0 ? "No dead files and no duplicates." : "", Normal);
                continue;
            }
            var item = items[index];
            var text = $"{HumanSize.Format(item.Bytes),9}  layer {item.Layer,-3} /{Safe(item.Path)}  {Safe(item.Description)}";
            var attribute = Paint(colors, colors.Dead);
            Line(row, text, index == RowsCursor.Selected ? Selection(attribute) : attribute);
        }
        return true;
    }
}
