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
/// <remarks>
/// Each layer's tree is built the first time it is shown and kept (an aggregated tree from the one below it; the
/// last few are kept). After that a change of layer, view, mark, sort or collapse costs two linear passes over flat
/// arrays; a new filter costs one regular-expression match per path of the tree shown, once per tree and filter.
/// Not thread-safe: use it from one thread.
/// </remarks>
public sealed class ExplorerModel
{
    private const int AggregatedTreesKept = 3;

    private readonly ExplorerTree?[] _layerTrees;
    private readonly Dictionary<int, ExplorerTree> _aggregated = [];
    private readonly List<int> _aggregatedRecency = [];
    private PathFilter? _filter;
    private IReadOnlyList<LayerSummary>? _layerSummaries;
    private ImageSummary? _image;
    private IReadOnlyList<WasteItem>? _waste;
    private int _selectedLayer;

    // What the row list was last computed for.
    private (ExplorerTree? Tree, int Marks, PathFilter? Filter) _shownFor;
    private bool[]? _shown;
    private (bool[]? Shown, TreeSort Sort, int Collapses) _rowsFor;
    private int[] _rows = [];
    private bool[] _followed = [];
    private int _rowCount;
    private int _collapses;

    public ExplorerModel(ImageAnalysis analysis)
    {
        Analysis = analysis;
        _layerTrees = new ExplorerTree?[analysis.Layers.Count];
    }

    public ImageAnalysis Analysis { get; }

    /// <summary>The layer whose tree is shown (0 … layers − 1).</summary>
    public int SelectedLayer
    {
        get => _selectedLayer;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, Math.Max(Analysis.Layers.Count, 1));
            _selectedLayer = value;
        }
    }

    public TreeScope Scope { get; set; } = TreeScope.Layer;

    public TreeSort Sort { get; set; } = TreeSort.Name;

    public bool ShowAdded { get; set; } = true;

    public bool ShowModified { get; set; } = true;

    public bool ShowRemoved { get; set; } = true;

    public bool ShowUnchanged { get; set; } = true;

    /// <summary>A regular expression on the path (without a leading slash), or null for none.</summary>
    public string? Filter => _filter?.Pattern;

    /// <summary>The layers pane's and layer-details pane's figures, one per layer.</summary>
    public IReadOnlyList<LayerSummary> Layers => _layerSummaries ??= Analysis.Layers.Select(LayerSummary.Of).ToList();

    /// <summary>The image-details pane's figures.</summary>
    public ImageSummary Image => _image ??= ImageSummary.Of(Analysis);

    /// <summary>
    /// Sets the filter (null or empty clears it); an invalid expression is refused with the parser's reason and leaves
    /// the filter as it was. The paths are matched when the rows are next asked for.
    /// </summary>
    public bool TrySetFilter(string? pattern, out string? error)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            _filter = null;
            error = null;
            return true;
        }
        var filter = PathFilter.TryCreate(pattern, out error);
        if (filter is null)
        {
            return false;
        }
        _filter = filter;
        return true;
    }

    /// <summary>How many rows the tree has now (after marks, filter and collapsing).</summary>
    public int RowCount
    {
        get
        {
            Refresh();
            return _rowCount;
        }
    }

    /// <summary>The rows <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1 (fewer at the end).</summary>
    public IReadOnlyList<ExplorerRow> Rows(int start, int count)
    {
        Refresh();
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var tree = CurrentTree;
        var end = (int)Math.Min((long)start + count, _rowCount);
        var rows = new List<ExplorerRow>(Math.Max(end - start, 0));
        for (var i = start; i < end; i++)
        {
            rows.Add(RowOf(tree, _rows[i]) with { IsLastSibling = !_followed[i] });
        }
        return rows;
    }

    /// <summary>Collapses or expands the directory at a row; a file's row does nothing.</summary>
    public void ToggleCollapsed(int row)
    {
        Refresh();
        if (row < 0 || row >= _rowCount)
        {
            return;
        }
        var tree = CurrentTree;
        var node = _rows[row];
        if (tree.Kind[node] == EntryKind.Directory && tree.HasChildren(node))
        {
            tree.Collapsed[node] = !tree.Collapsed[node];
            _collapses++;
        }
    }

    /// <summary>Collapses every directory when any is expanded, else expands them all.</summary>
    public void ToggleCollapseAll()
    {
        var tree = CurrentTree;
        var collapsed = tree.Collapsed;
        var anyExpanded = false;
        for (var n = 1; n < tree.Count && !anyExpanded; n++)
        {
            anyExpanded = !collapsed[n] && tree.Kind[n] == EntryKind.Directory && tree.HasChildren(n);
        }
        for (var n = 1; n < tree.Count; n++)
        {
            collapsed[n] = anyExpanded && tree.Kind[n] == EntryKind.Directory && tree.HasChildren(n);
        }
        _collapses++;
    }

    /// <summary>The row showing <paramref name="path"/> in the current view (expanding its parents), or null when it is not shown.</summary>
    public int? Reveal(string path)
    {
        Refresh();
        var tree = CurrentTree;
        if (tree.Find(path.Trim('/')) is not { } node || !_shown![node])
        {
            return null;
        }
        for (var n = tree.Parent[node]; n > 0; n = tree.Parent[n])
        {
            if (tree.Collapsed[n])
            {
                tree.Collapsed[n] = false;
                _collapses++;
            }
        }
        Refresh();
        var row = Array.IndexOf(_rows, node, 0, _rowCount);
        return row < 0 ? null : row;
    }

    /// <summary>Dead files and duplicate groups, largest first, each with the layer and path to jump to.</summary>
    public IReadOnlyList<WasteItem> Waste => _waste ??= WasteList.Build(Analysis);

    private int Marks =>
        (ShowAdded ? 1 << (int)ChangeKind.Added : 0)
        | (ShowModified ? 1 << (int)ChangeKind.Modified : 0)
        | (ShowRemoved ? 1 << (int)ChangeKind.Removed : 0)
        | (ShowUnchanged ? 1 << (int)ChangeKind.Unchanged : 0);

    private ExplorerTree CurrentTree =>
        Analysis.Layers.Count == 0 ? Empty : Scope == TreeScope.Layer ? LayerTree(_selectedLayer) : AggregatedTree(_selectedLayer);

    private static readonly ExplorerTree Empty = new TreeWriter(0).Finish();

    /// <summary>A layer's own tree, built on first use; a tree <see cref="PrepareLayerTrees"/> published is used as it is.</summary>
    private ExplorerTree LayerTree(int layer) =>
        Volatile.Read(ref _layerTrees[layer])
        ?? Interlocked.CompareExchange(ref _layerTrees[layer], LayerTreeBuilder.Build(Analysis.Layers, layer), null)
        ?? _layerTrees[layer]!;

    /// <summary>
    /// Builds every layer's own tree not yet built, so that selecting a big layer later costs no build: meant for a
    /// background thread while the explorer is on screen. Safe beside the model's other members, which stay on one
    /// thread: a tree reads only the finished analysis and is published whole; one built twice is the same tree.
    /// </summary>
    public void PrepareLayerTrees(CancellationToken cancellationToken)
    {
        for (var layer = 0; layer < _layerTrees.Length; layer++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Volatile.Read(ref _layerTrees[layer]) is null)
            {
                Interlocked.CompareExchange(ref _layerTrees[layer], LayerTreeBuilder.Build(Analysis.Layers, layer), null);
            }
        }
    }

    private ExplorerTree AggregatedTree(int layer)
    {
        if (!_aggregated.TryGetValue(layer, out var tree))
        {
            var from = layer;
            while (from > 0 && !_aggregated.ContainsKey(from - 1))
            {
                from--;
            }
            for (var l = from; l <= layer; l++)
            {
                tree = l == 0 ? FirstAggregated() : AggregatedTreeBuilder.Merge(_aggregated[l - 1], LayerTree(l));
                _aggregated[l] = tree;
                Touch(l);
            }
        }
        Touch(layer);
        return tree!;
    }

    /// <summary>Without whiteouts the first layer's aggregated tree is its own tree: share it.</summary>
    private ExplorerTree FirstAggregated()
    {
        var own = LayerTree(0);
        return own.Flags.Any(f => (f & (TreeNodeFlags.Whiteout | TreeNodeFlags.Opaque)) != 0) ? AggregatedTreeBuilder.First(own) : own;
    }

    private void Touch(int layer)
    {
        _aggregatedRecency.Remove(layer);
        _aggregatedRecency.Add(layer);
        while (_aggregatedRecency.Count > AggregatedTreesKept)
        {
            _aggregated.Remove(_aggregatedRecency[0]);
            _aggregatedRecency.RemoveAt(0);
        }
    }

    /// <summary>Brings the row list up to date with the state, redoing only the passes the change needs.</summary>
    private void Refresh()
    {
        var tree = CurrentTree;
        var matches = _filter?.Matches(tree);
        var marks = Marks;
        if (_shownFor != (tree, marks, _filter) || _shown is null)
        {
            _shown = VisibleRows.Shown(tree, marks, matches, _shownFor.Tree == tree ? _shown : null);
            _shownFor = (tree, marks, _filter);
            _rowsFor = default;
        }
        if (_rowsFor != (_shown, Sort, _collapses))
        {
            if (_rows.Length < tree.Count)
            {
                _rows = new int[tree.Count];
                _followed = new bool[tree.Count];
            }
            _rowCount = VisibleRows.Fill(tree, Sort == TreeSort.Size ? tree.SizeOrder : null, _shown, _rows, _followed);
            _rowsFor = (_shown, Sort, _collapses);
        }
    }

    private static ExplorerRow RowOf(ExplorerTree tree, int node)
    {
        var entry = tree.Entry[node];
        var path = entry.Path;
        var kind = tree.Kind[node];
        return new ExplorerRow
        {
            Path = path,
            Name = path[(path.LastIndexOf('/') + 1)..],
            Depth = tree.Depth(node),
            Kind = kind,
            Change = tree.Change[node],
            Size = tree.Size[node],
            Mode = entry.Mode,
            Uid = entry.Uid,
            Gid = entry.Gid,
            LinkTarget = entry.LinkTarget,
            Collapsed = kind == EntryKind.Directory && tree.HasChildren(node) && tree.Collapsed[node],
            DeadBytes = tree.Dead[node],
            KilledBy = entry is { Kind: EntryKind.File, IsDead: true } ? entry.KilledBy : null,
        };
    }
}

/// <summary>A waste pane line: a dead file (stored in a layer, killed by another) or a duplicate group.</summary>
public sealed record WasteItem(string Path, long Bytes, int Layer, string Description);
