namespace Strata.Analysis.Explore;

/// <summary>What a node of an explorer tree is besides its entry.</summary>
[Flags]
internal enum TreeNodeFlags : byte
{
    None = 0,

    /// <summary>A folder the layer holds no entry for, only contents: its mark comes from what lies in it.</summary>
    Implied = 1,

    /// <summary>In a layer's own tree: the path a whiteout removes.</summary>
    Whiteout = 2,

    /// <summary>In a layer's own tree: a folder whose lower contents an opaque marker hides.</summary>
    Opaque = 4,

    /// <summary>In an aggregated tree: a path the selected layer removed, shown but no longer there.</summary>
    Gone = 8,
}
