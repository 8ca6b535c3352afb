namespace Strata.Cli.Explore;

/// <summary>What a key does in the explorer; each has a name in the config file's <c>explore.keys</c>.</summary>
public enum ExplorerAction
{
    SwitchPane,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Filter,
    CloseFilter,
    AggregatedView,
    LayerView,
    Collapse,
    CollapseAll,
    ToggleAdded,
    ToggleRemoved,
    ToggleModified,
    ToggleUnchanged,
    ToggleAttributes,
    ToggleSort,
    Extract,
    Jump,
    Quit,
}
