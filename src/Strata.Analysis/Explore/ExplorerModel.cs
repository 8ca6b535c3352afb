using Strata.Analysis.Model;

namespace Strata.Analysis.Explore;

/// <summary>Which tree the explorer shows for the selected layer.</summary>
public enum TreeScope
{
    /// <summary>Only what the selected layer changed (dive's per-layer view).</summary>
    Layer,

    /// <summary>Everything up to and including the selected layer (dive's aggregated view).</summary>
    Aggregated,
}

public enum TreeSort
{
    Name,

    /// <summary>Largest first.</summary>
    Size,
}

/// <summary>
/// The state behind <c>strata explore</c>, with no terminal: the selected layer, the view, the marks shown, the sort,
/// the path filter and the collapsed directories, and the tree's visible rows, built lazily so a layer of a million
/// files costs only the rows asked for.
/// </summary>
public sealed class ExplorerModel
{
    public ExplorerModel(ImageAnalysis analysis)
    {
        Analysis = analysis;
    }

    public ImageAnalysis Analysis { get; }

    /// <summary>The layer whose tree is shown (0 … layers − 1).</summary>
    public int SelectedLayer { get; set; }

    public TreeScope Scope { get; set; } = TreeScope.Layer;

    public TreeSort Sort { get; set; } = TreeSort.Name;

    public bool ShowAdded { get; set; } = true;

    public bool ShowModified { get; set; } = true;

    public bool ShowRemoved { get; set; } = true;

    public bool ShowUnchanged { get; set; } = true;

    /// <summary>A regular expression on the path (without a leading slash), or null for none.</summary>
    public string? Filter { get; private set; }

    /// <summary>Sets the filter; an invalid expression is refused with the parser's reason and leaves the filter as it was.</summary>
    public bool TrySetFilter(string? pattern, out string? error) => throw new NotImplementedException(pattern);

    /// <summary>How many rows the tree has now (after marks, filter and collapsing).</summary>
    public int RowCount => throw new NotImplementedException();

    /// <summary>The rows <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1 (fewer at the end).</summary>
    public IReadOnlyList<ExplorerRow> Rows(int start, int count) => throw new NotImplementedException();

    /// <summary>Collapses or expands the directory at a row; a file's row does nothing.</summary>
    public void ToggleCollapsed(int row) => throw new NotImplementedException();

    /// <summary>Collapses every directory when any is expanded, else expands them all.</summary>
    public void ToggleCollapseAll() => throw new NotImplementedException();

    /// <summary>The row showing <paramref name="path"/> in the current view (expanding its parents), or null when it is not shown.</summary>
    public int? Reveal(string path) => throw new NotImplementedException(path);

    /// <summary>Dead files and duplicate groups, largest first, each with the layer and path to jump to.</summary>
    public IReadOnlyList<WasteItem> Waste => throw new NotImplementedException();
}

/// <summary>A waste pane line: a dead file (stored in a layer, killed by another) or a duplicate group.</summary>
public sealed record WasteItem(string Path, long Bytes, int Layer, string Description);
