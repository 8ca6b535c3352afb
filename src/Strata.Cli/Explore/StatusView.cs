using Terminal.Gui.ViewBase;

namespace Strata.Cli.Explore;

/// <summary>The bottom line: the keys that work in the focused pane, as the key map binds them.</summary>
internal sealed class StatusView(KeyMap keys, Func<Pane> focused) : RowsView
{
    protected override bool OnDrawingContent(DrawContext? context)
    {
        var pane = focused();
        var items = new List<string>
        {
            $"{Keys(ExplorerAction.SwitchPane)} pane",
            $"{Keys(ExplorerAction.Filter)} filter",
            $"{Keys(ExplorerAction.LayerView)} layer",
            $"{Keys(ExplorerAction.AggregatedView)} all",
        };
        if (pane == Pane.Tree)
        {
            items[^1] = $"{Keys(ExplorerAction.ToggleAdded)}{Keys(ExplorerAction.ToggleRemoved)}{Keys(ExplorerAction.ToggleModified)}{Keys(ExplorerAction.ToggleUnchanged)} marks";
            items.Add($"{Keys(ExplorerAction.Collapse)}/{Keys(ExplorerAction.CollapseAll)} fold");
        }
        if (pane == Pane.Waste)
        {
            items.Add($"{Keys(ExplorerAction.Jump)} jump");
        }
        items.Add($"{Keys(ExplorerAction.ToggleAttributes)} attrs");
        items.Add($"{Keys(ExplorerAction.ToggleSort)} sort");
        items.Add($"{Keys(ExplorerAction.Extract)} extract");
        items.Add($"{Keys(ExplorerAction.Quit)} quit");
        Line(0, string.Join("  ", items), Selection(Normal));
        return true;
    }

    private string Keys(ExplorerAction action) => KeyName.Show(keys.KeysOf(action)[0]);
}

/// <summary>The panes that take keys, in the order tab visits them.</summary>
internal enum Pane
{
    Layers,
    Tree,
    Waste,
}
