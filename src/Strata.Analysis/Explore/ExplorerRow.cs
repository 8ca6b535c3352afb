using Strata.Analysis.Model;

namespace Strata.Analysis.Explore;

/// <summary>
/// One visible row of the explorer's file tree: a file or a directory at a depth, with its change in the selected layer
/// (or up to it), its attributes, and the dead bytes it holds.
/// </summary>
public sealed record ExplorerRow
{
    /// <summary>The full path without a leading slash (<c>usr/bin/env</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The last component of <see cref="Path"/>, as the tree shows it.</summary>
    public required string Name { get; init; }

    /// <summary>0 for the children of the root.</summary>
    public required int Depth { get; init; }

    /// <summary>The entry's kind; for a removed path, what it was below (<see cref="EntryKind.Whiteout"/> when unknown).</summary>
    public required EntryKind Kind { get; init; }

    public required ChangeKind Change { get; init; }

    /// <summary>
    /// For a file its size; for a directory the size of everything under it in this tree (whatever marks and filter
    /// hide), removed paths excepted; for a removed path, the bytes its removal killed.
    /// </summary>
    public required long Size { get; init; }

    public required int Mode { get; init; }

    public required int Uid { get; init; }

    public required int Gid { get; init; }

    public string? LinkTarget { get; init; }

    public bool IsDirectory => Kind == EntryKind.Directory;

    /// <summary>A directory that is collapsed (its children are not rows).</summary>
    public bool Collapsed { get; init; }

    /// <summary>
    /// For a file: its size when its bytes are dead in the final image (in the per-layer view, stored in this layer).
    /// For a directory: the dead bytes under it.
    /// </summary>
    public long DeadBytes { get; init; }

    /// <summary>For a dead file (in either view): the layer that killed it.</summary>
    public int? KilledBy { get; init; }

    /// <summary>No later row is a sibling of this one (the tree draws └── rather than ├──).</summary>
    public bool IsLastSibling { get; init; }
}
