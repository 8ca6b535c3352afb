using Terminal.Gui.Input;

namespace Strata.Cli.Explore;

/// <summary>Which keys do what: the table by default, each action's keys replaceable in the config file.</summary>
public sealed class KeyMap
{
    /// <summary>The names the config file uses for the actions, in the order the status bar lists them.</summary>
    public static readonly IReadOnlyList<(string Name, ExplorerAction Action, string[] Keys)> Defaults =
    [
        ("switch-pane", ExplorerAction.SwitchPane, ["tab"]),
        ("up", ExplorerAction.Up, ["up", "k"]),
        ("down", ExplorerAction.Down, ["down", "j"]),
        ("left", ExplorerAction.Left, ["left", "h"]),
        ("right", ExplorerAction.Right, ["right", "l"]),
        ("page-up", ExplorerAction.PageUp, ["pgup"]),
        ("page-down", ExplorerAction.PageDown, ["pgdn"]),
        ("filter", ExplorerAction.Filter, ["ctrl+f"]),
        ("close-filter", ExplorerAction.CloseFilter, ["esc"]),
        ("aggregated-view", ExplorerAction.AggregatedView, ["ctrl+a"]),
        ("layer-view", ExplorerAction.LayerView, ["ctrl+l"]),
        ("collapse", ExplorerAction.Collapse, ["space"]),
        ("collapse-all", ExplorerAction.CollapseAll, ["ctrl+space"]),
        ("toggle-added", ExplorerAction.ToggleAdded, ["ctrl+a"]),
        ("toggle-removed", ExplorerAction.ToggleRemoved, ["ctrl+r"]),
        // A terminal sends ctrl+m as Enter (both are carriage return), so either toggles the modified files.
        ("toggle-modified", ExplorerAction.ToggleModified, ["ctrl+m", "enter"]),
        ("toggle-unchanged", ExplorerAction.ToggleUnchanged, ["ctrl+u"]),
        ("toggle-attributes", ExplorerAction.ToggleAttributes, ["ctrl+b"]),
        ("toggle-sort", ExplorerAction.ToggleSort, ["ctrl+o"]),
        ("extract", ExplorerAction.Extract, ["ctrl+e"]),
        ("jump", ExplorerAction.Jump, ["enter"]),
        ("quit", ExplorerAction.Quit, ["q", "ctrl+c"]),
    ];

    /// <summary>The actions of the file tree pane only, which win there over the same key's other action.</summary>
    public static readonly IReadOnlySet<ExplorerAction> TreeActions = new HashSet<ExplorerAction>
    {
        ExplorerAction.ToggleAdded, ExplorerAction.ToggleRemoved, ExplorerAction.ToggleModified, ExplorerAction.ToggleUnchanged,
    };

    private readonly Dictionary<ExplorerAction, IReadOnlyList<Key>> _keys;

    public KeyMap(IReadOnlyDictionary<ExplorerAction, IReadOnlyList<Key>>? overrides = null)
    {
        _keys = Defaults.ToDictionary(d => d.Action, d => (IReadOnlyList<Key>)[.. d.Keys.Select(k => KeyName.Parse(k, out _)!)]);
        foreach (var (action, keys) in overrides ?? new Dictionary<ExplorerAction, IReadOnlyList<Key>>())
        {
            _keys[action] = keys;
        }
    }

    public IReadOnlyList<Key> KeysOf(ExplorerAction action) => _keys[action];

    /// <summary>Every action bound to the key, in the order of <see cref="Defaults"/>.</summary>
    public IReadOnlyList<ExplorerAction> ActionsOf(Key key) =>
        [.. Defaults.Select(d => d.Action).Where(a => _keys[a].Any(k => k.KeyCode == key.KeyCode))];

    /// <summary>
    /// What the key does where it is pressed. The tree pane's own actions win there (ctrl+a toggles the added files in
    /// the tree pane and switches to the aggregated view elsewhere); outside the tree pane they do nothing.
    /// </summary>
    public ExplorerAction? Resolve(Key key, bool inTreePane, bool inWastePane)
    {
        var actions = ActionsOf(key);
        if (inTreePane && actions.Where(TreeActions.Contains).Cast<ExplorerAction?>().FirstOrDefault() is { } tree)
        {
            return tree;
        }
        if (inWastePane && actions.Contains(ExplorerAction.Jump))
        {
            return ExplorerAction.Jump;
        }
        return actions.Where(a => !TreeActions.Contains(a) && a != ExplorerAction.Jump).Cast<ExplorerAction?>().FirstOrDefault();
    }
}
