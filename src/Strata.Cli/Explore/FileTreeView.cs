using System.Globalization;
using Strata.Analysis.Explore;
using Strata.Analysis.Model;
using Strata.Cli.Rendering;
using Terminal.Gui.ViewBase;

namespace Strata.Cli.Explore;

/// <summary>
/// The file tree of the selected layer, drawn from the model's rows for the lines on screen only: a layer of a million
/// files costs one screen of rows per redraw. Each line starts with its change's mark (+ added, ~ modified,
/// - removed, blank unchanged) in that change's colour.
/// </summary>
internal sealed class FileTreeView(ExplorerModel model, ExplorerColors colors, Func<bool> ready) : RowsView
{
    public RowCursor RowsCursor { get; } = new();

    public bool ShowAttributes { get; set; } = true;

    /// <summary>The row under the cursor, or null when the tree is empty.</summary>
    public ExplorerRow? SelectedRow => model.RowCount == 0 ? null : model.Rows(RowsCursor.Selected, 1).FirstOrDefault();

    /// <summary>The tree's lines below the header.</summary>
    public int TreeRows => Math.Max(1, VisibleRows - 1);

    protected override bool OnDrawingContent(DrawContext? context)
    {
        if (!ready())
        {
            for (var i = 0; i < VisibleRows; i++)
            {
                Line(i, i == 0 ? "  reading the tree…" : "", Normal);
            }
            return true;
        }
        var count = model.RowCount;
        RowsCursor.Fit(count, TreeRows);
        Line(0, ShowAttributes ? $"  {"Permission",-10} {"UID:GID",9} {"Size",9}  Name" : "  Name", Normal);
        var rows = model.Rows(RowsCursor.Top, TreeRows);
        for (var i = 0; i < TreeRows; i++)
        {
            if (i >= rows.Count)
            {
                Line(i + 1, count == 0 && i == 0 ? "  (nothing to show: see the marks shown and the filter)" : "", Normal);
                continue;
            }
            var row = rows[i];
            var attribute = Paint(colors, ColorOf(row.Change));
            Line(i + 1, LineOf(row), RowsCursor.Top + i == RowsCursor.Selected ? Selection(attribute) : attribute);
        }
        return true;
    }

    private Terminal.Gui.Drawing.Color ColorOf(ChangeKind change) => change switch
    {
        ChangeKind.Added => colors.Added,
        ChangeKind.Modified => colors.Modified,
        ChangeKind.Removed => colors.Removed,
        _ => colors.Unchanged,
    };

    public string LineOf(ExplorerRow row)
    {
        var mark = row.Change switch
        {
            ChangeKind.Added => '+',
            ChangeKind.Modified => '~',
            ChangeKind.Removed => '-',
            _ => ' ',
        };
        // A removed path has no attributes of its own in this layer (its whiteout has none); its size is what its removal killed.
        var attributes = !ShowAttributes ? ""
            : row.Change == ChangeKind.Removed ? $"{"removed",-10} {"",9} {HumanSize.Format(row.Size),9}  "
            : $"{ModeText.Of(row.Kind, row.Mode),-10} {row.Uid.ToString(CultureInfo.InvariantCulture) + ":" + row.Gid.ToString(CultureInfo.InvariantCulture),9} {HumanSize.Format(row.Size),9}  ";
        var guide = row.IsLastSibling ? "└─" : "├─";
        var fold = row.IsDirectory ? row.Collapsed ? "▸ " : "▾ " : " ";
        var name = Safe(row.Name) + (row.LinkTarget is { } target ? " → " + Safe(target) : "") + (row.IsDirectory ? "/" : "");
        var dead = row switch
        {
            { IsDirectory: true, DeadBytes: > 0 } => $"  [dead {HumanSize.Format(row.DeadBytes)}]",
            { KilledBy: { } layer } => $"  [dead: killed by layer {layer.ToString(CultureInfo.InvariantCulture)}]",
            { DeadBytes: > 0 } => "  [dead]",
            _ => "",
        };
        return $"{mark} {attributes}{new string(' ', 3 * row.Depth)}{guide}{fold}{name}{dead}";
    }
}
