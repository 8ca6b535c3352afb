using Strata.Analysis.Explore;
using Strata.Analysis.Model;
using Strata.Cli.Rendering;
using Strata.Images;
using Strata.Images.Sources;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Strata.Cli.Explore;

/// <summary>
/// The explorer's screen: the Layers, Layer details and Image details panes on the left, the File tree and Waste panes
/// on the right, a prompt line (the filter, the extraction folder, messages) and the status bar. Every key goes
/// through <see cref="HandleKey"/>, which the key map turns into an action for the focused pane.
/// </summary>
internal sealed class ExplorerWindow : Runnable
{
    private readonly ExplorerModel _model;
    private readonly ExtractionRequest _extraction;
    private readonly KeyMap _keys;
    private readonly LayersView _layers;
    private readonly LayerDetailsView _layerDetails;
    private readonly ImageDetailsView _imageDetails;
    private readonly FileTreeView _tree;
    private readonly WasteView _waste;
    private readonly FrameView _layersFrame;
    private readonly FrameView _treeFrame;
    private readonly FrameView _wasteFrame;
    private readonly PromptLine _prompt;
    private readonly StatusView _status;
    private Pane _focused = Pane.Layers;

    /// <summary>Whether the first tree is built: until then nothing but quitting touches the model (it is being built on another thread).</summary>
    private bool _ready;
    private string? _extracting;

    public ExplorerWindow(ExplorerModel model, IReadOnlyList<LayerBlob> blobs, long maxLayerSize, string workingDirectory, ExplorerConfig config)
    {
        _model = model;
        _extraction = new ExtractionRequest(model.Analysis, blobs, maxLayerSize, workingDirectory);
        _keys = config.Keys;
        var analysis = model.Analysis;
        Width = Dim.Fill();
        Height = Dim.Fill();

        _layers = new LayersView(analysis, config.Colors);
        _layersFrame = AddFrame("Layers", _layers, x: 0, y: 0, Dim.Percent(40), Dim.Percent(35));
        _layerDetails = new LayerDetailsView(analysis, () => _model.SelectedLayer);
        var layerDetailsFrame = AddFrame("Layer details", _layerDetails, x: 0, Pos.Bottom(_layersFrame), Dim.Percent(40), Dim.Absolute(7));
        _imageDetails = new ImageDetailsView(analysis);
        AddFrame("Image details", _imageDetails, x: 0, Pos.Bottom(layerDetailsFrame), Dim.Percent(40), Dim.Fill(2));
        _tree = new FileTreeView(model, config.Colors, () => _ready);
        _treeFrame = AddFrame("File tree", _tree, Pos.Right(_layersFrame), y: 0, Dim.Fill(), Dim.Percent(68));
        _waste = new WasteView(() => _ready ? _model.Waste : null, config.Colors);
        _wasteFrame = AddFrame("Waste", _waste, Pos.Right(_layersFrame), Pos.Bottom(_treeFrame), Dim.Fill(), Dim.Fill(2));

        _prompt = new PromptLine { Y = Pos.AnchorEnd(2) };
        _prompt.Changed += FilterTyped;
        _status = new StatusView(_keys, () => _focused) { Y = Pos.AnchorEnd(1), Height = 1 };
        Add(_prompt, _status);

        _layers.RowClicked += row => { if (!_ready) { return; } Focus(Pane.Layers); SelectLayer(_layers.RowsCursor.Top + row - 1); };
        _layers.Wheeled += delta => { if (!_ready) { return; } Focus(Pane.Layers); SelectLayer(_layers.RowsCursor.Selected + delta); };
        _tree.RowClicked += row =>
        {
            if (!_ready)
            {
                return;
            }
            Focus(Pane.Tree);
            if (row > 0)
            {
                _tree.RowsCursor.Select(_tree.RowsCursor.Top + row - 1, _model.RowCount, _tree.TreeRows);
            }
            _tree.SetNeedsDraw();
        };
        _tree.Wheeled += delta => { if (!_ready) { return; } _tree.RowsCursor.Scroll(delta * 3, _model.RowCount, _tree.TreeRows); _tree.SetNeedsDraw(); };
        _waste.RowClicked += row => { if (!_ready) { return; } Focus(Pane.Waste); _waste.RowsCursor.Select(_waste.RowsCursor.Top + row, _waste.Count, _waste.VisibleRows); _waste.SetNeedsDraw(); };
        _waste.Wheeled += delta => { if (!_ready) { return; } _waste.RowsCursor.Scroll(delta * 3, _waste.Count, _waste.VisibleRows); _waste.SetNeedsDraw(); };
        UpdateTitles();
    }

    /// <summary>The first tree and the waste list are built: the panes show them and the keys work.</summary>
    public void TreeReady()
    {
        _ready = true;
        RefreshTree();
        _waste.SetNeedsDraw();
    }

    private FrameView AddFrame(string title, View content, Pos x, Pos y, Dim width, Dim height)
    {
        var frame = new FrameView { Title = title, X = x, Y = y, Width = width, Height = height };
        frame.Add(content);
        Add(frame);
        return frame;
    }

    /// <summary>Handles a key before any view sees it; returns whether it was the explorer's.</summary>
    public bool HandleKey(Key key)
    {
        if (_prompt.Kind != PromptKind.None)
        {
            return HandlePromptKey(key);
        }
        var action = _keys.Resolve(key, _focused == Pane.Tree, _focused == Pane.Waste);
        if (!_ready && action != ExplorerAction.Quit)
        {
            return true;
        }
        if (action is { } a)
        {
            Do(a);
        }
        // Every other key is swallowed too, so Terminal.Gui's own bindings (esc quits a window) never act.
        return true;
    }

    private bool HandlePromptKey(Key key)
    {
        if (_keys.KeysOf(ExplorerAction.CloseFilter).Any(k => k.KeyCode == key.KeyCode))
        {
            if (_prompt.Kind == PromptKind.Filter)
            {
                ClearFilter();
            }
            _prompt.Say("");
            return true;
        }
        if (key.KeyCode == Key.Enter.KeyCode)
        {
            if (_prompt.Kind == PromptKind.Extract)
            {
                var path = _extracting!;
                _prompt.Say($"extracting /{TerminalText.Safe(path)}…");
                _extraction.Start(path, _model.SelectedLayer, _prompt.Answer, message => App?.Invoke(() => _prompt.Say(message)));
            }
            else
            {
                _prompt.Say(_model.Filter is { } filter
                    ? $"filter: {TerminalText.Safe(filter)} ({Show(ExplorerAction.Filter)} changes it, {Show(ExplorerAction.CloseFilter)} removes it)"
                    : "");
            }
            return true;
        }
        if (key.KeyCode == Key.C.WithCtrl.KeyCode)
        {
            App?.RequestStop();
            return true;
        }
        // Typing goes to the text field; tab stays in it.
        return key.KeyCode == Key.Tab.KeyCode;
    }

    private void Do(ExplorerAction action)
    {
        switch (action)
        {
            case ExplorerAction.Quit:
                App?.RequestStop();
                break;
            case ExplorerAction.SwitchPane:
                Focus((Pane)(((int)_focused + 1) % 3));
                break;
            case ExplorerAction.Up or ExplorerAction.Down or ExplorerAction.PageUp or ExplorerAction.PageDown:
                MoveSelection(action);
                break;
            case ExplorerAction.Left:
                if (_focused == Pane.Tree && _tree.SelectedRow is { IsDirectory: true, Collapsed: false })
                {
                    ToggleCollapsed();
                }
                else if (_focused == Pane.Layers)
                {
                    SelectLayer(_model.SelectedLayer - 1);
                }
                break;
            case ExplorerAction.Right:
                if (_focused == Pane.Tree && _tree.SelectedRow is { IsDirectory: true, Collapsed: true })
                {
                    ToggleCollapsed();
                }
                else if (_focused == Pane.Layers)
                {
                    SelectLayer(_model.SelectedLayer + 1);
                }
                break;
            case ExplorerAction.Filter:
                _prompt.Ask(PromptKind.Filter, "Filter (regex on the path): ", _model.Filter ?? "");
                break;
            case ExplorerAction.AggregatedView:
                SetScope(TreeScope.Aggregated);
                break;
            case ExplorerAction.LayerView:
                SetScope(TreeScope.Layer);
                break;
            case ExplorerAction.Collapse:
                ToggleCollapsed();
                break;
            case ExplorerAction.CollapseAll:
                _model.ToggleCollapseAll();
                RefreshTree();
                break;
            case ExplorerAction.ToggleAdded:
                _model.ShowAdded = !_model.ShowAdded;
                RefreshTree();
                break;
            case ExplorerAction.ToggleRemoved:
                _model.ShowRemoved = !_model.ShowRemoved;
                RefreshTree();
                break;
            case ExplorerAction.ToggleModified:
                _model.ShowModified = !_model.ShowModified;
                RefreshTree();
                break;
            case ExplorerAction.ToggleUnchanged:
                _model.ShowUnchanged = !_model.ShowUnchanged;
                RefreshTree();
                break;
            case ExplorerAction.ToggleAttributes:
                _tree.ShowAttributes = !_tree.ShowAttributes;
                _tree.SetNeedsDraw();
                break;
            case ExplorerAction.ToggleSort:
                _model.Sort = _model.Sort == TreeSort.Name ? TreeSort.Size : TreeSort.Name;
                RefreshTree();
                break;
            case ExplorerAction.Extract:
                StartExtract();
                break;
            case ExplorerAction.Jump:
                Jump();
                break;
            case ExplorerAction.CloseFilter:
                ClearFilter();
                _prompt.Say("");
                break;
        }
    }

    private void MoveSelection(ExplorerAction action)
    {
        var (cursor, count, height, view) = _focused switch
        {
            Pane.Layers => (_layers.RowsCursor, _layers.Count, _layers.VisibleRows - 1, (View)_layers),
            Pane.Tree => (_tree.RowsCursor, _model.RowCount, _tree.TreeRows, _tree),
            _ => (_waste.RowsCursor, _waste.Count, _waste.VisibleRows, (View)_waste),
        };
        var delta = action switch
        {
            ExplorerAction.Up => -1,
            ExplorerAction.Down => 1,
            ExplorerAction.PageUp => -Math.Max(1, height),
            _ => Math.Max(1, height),
        };
        if (_focused == Pane.Layers)
        {
            SelectLayer(cursor.Selected + delta);
            return;
        }
        cursor.Move(delta, count, height);
        view.SetNeedsDraw();
    }

    private void SelectLayer(int layer)
    {
        layer = Math.Clamp(layer, 0, _layers.Count - 1);
        _layers.RowsCursor.Select(layer, _layers.Count, _layers.VisibleRows - 1);
        if (_model.SelectedLayer != layer)
        {
            _model.SelectedLayer = layer;
            _tree.RowsCursor.Select(0, _model.RowCount, _tree.TreeRows);
            RefreshTree();
        }
        _layers.SetNeedsDraw();
        _layerDetails.SetNeedsDraw();
    }

    private void SetScope(TreeScope scope)
    {
        _model.Scope = scope;
        RefreshTree();
    }

    private void ToggleCollapsed()
    {
        _model.ToggleCollapsed(_tree.RowsCursor.Selected);
        RefreshTree();
    }

    private void Jump()
    {
        if (_waste.Selected is not { } item)
        {
            return;
        }
        _model.Scope = TreeScope.Layer;
        SelectLayer(item.Layer);
        if (_model.Reveal(item.Path) is { } row)
        {
            _tree.RowsCursor.Select(row, _model.RowCount, _tree.TreeRows);
            Focus(Pane.Tree);
        }
        else
        {
            _prompt.Say($"/{TerminalText.Safe(item.Path)} is hidden by the marks shown or the filter");
        }
        RefreshTree();
    }

    private void Focus(Pane pane)
    {
        _focused = pane;
        UpdateTitles();
        _status.SetNeedsDraw();
    }

    private void RefreshTree()
    {
        _tree.RowsCursor.Fit(_model.RowCount, _tree.TreeRows);
        UpdateTitles();
        _tree.SetNeedsDraw();
    }

    private void UpdateTitles()
    {
        _layersFrame.Title = Mark(Pane.Layers) + "Layers";
        var scope = _model.Scope == TreeScope.Layer ? $"layer {_model.SelectedLayer}'s changes" : $"layers 0-{_model.SelectedLayer} aggregated";
        var hidden = new[] { (_model.ShowAdded, "added"), (_model.ShowModified, "modified"), (_model.ShowRemoved, "removed"), (_model.ShowUnchanged, "unchanged") }
            .Where(m => !m.Item1).Select(m => m.Item2).ToList();
        var extras = (hidden.Count > 0 ? $", hiding {string.Join("/", hidden)}" : "")
            + (_model.Sort == TreeSort.Size ? ", by size" : "")
            + (_model.Filter is { } filter ? $", filter /{TerminalText.Safe(filter)}/" : "");
        _treeFrame.Title = $"{Mark(Pane.Tree)}File tree: {scope}{extras}";
        _wasteFrame.Title = Mark(Pane.Waste) + "Waste (dead files and duplicates, largest first)";
    }

    private string Mark(Pane pane) => _focused == pane ? "▶ " : "";

    private string Show(ExplorerAction action) => KeyName.Show(_keys.KeysOf(action)[0]);

    private void FilterTyped(string text)
    {
        if (_prompt.Kind != PromptKind.Filter)
        {
            return;
        }
        if (_model.TrySetFilter(text.Length == 0 ? null : text, out var error))
        {
            _tree.RowsCursor.Select(0, _model.RowCount, _tree.TreeRows);
            RefreshTree();
        }
        else
        {
            UpdateTitles();
            _treeFrame.Title += $" (not a regex: {TerminalText.Safe(error)})";
        }
    }

    private void ClearFilter()
    {
        if (_model.Filter is not null)
        {
            _model.TrySetFilter(null, out _);
            RefreshTree();
        }
    }

    private void StartExtract()
    {
        if (_tree.SelectedRow is not { } row || row.Kind != EntryKind.File || row.Change == ChangeKind.Removed)
        {
            _prompt.Say("select a file in the tree to extract it");
            return;
        }
        _extracting = row.Path;
        _prompt.Ask(PromptKind.Extract, $"Extract /{Fit(TerminalText.Safe(row.Path), 30)} into folder: ", ".");
    }

    private static string Fit(string text, int width) => text.Length > width ? "…" + text[^(width - 1)..] : text;
}
