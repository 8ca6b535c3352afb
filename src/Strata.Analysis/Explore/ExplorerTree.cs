using Strata.Analysis.Model;

namespace Strata.Analysis.Explore;

/// <summary>
/// One file tree of the explorer, flattened: node 0 is the root, the others follow in pre-order with siblings by name,
/// so a node's subtree is the range <c>[n, End[n])</c>. Entries are shared with the analysis (an implied folder gets a
/// small entry of its own), so a node costs a few dozen bytes however long its path.
/// </summary>
internal sealed class ExplorerTree
{
    public required int Count { get; init; }

    public required FileEntry[] Entry { get; init; }

    public required EntryKind[] Kind { get; init; }

    /// <summary>The mark shown: a folder's comes from its own change and what lies in it, as dive derives it.</summary>
    public required ChangeKind[] Change { get; init; }

    public required TreeNodeFlags[] Flags { get; init; }

    public required int[] Parent { get; init; }

    public required int[] End { get; init; }

    /// <summary>A file's size; a folder's, everything under it that is still there (removed paths excepted).</summary>
    public required long[] Size { get; init; }

    /// <summary>Bytes stored at or under a node that the final image does not show.</summary>
    public required long[] Dead { get; init; }

    /// <summary>Collapsed folders; the state belongs to the tree, so each layer and view keeps its own.</summary>
    public bool[] Collapsed => _collapsed ??= new bool[Count];

    private bool[]? _collapsed;
    private int[]? _bySize;

    public bool HasChildren(int node) => End[node] > node + 1;

    public int Depth(int node)
    {
        var depth = -1;
        for (var n = Parent[node]; n >= 0; n = Parent[n])
        {
            depth++;
        }
        return depth;
    }

    /// <summary>The pre-order with siblings largest first (then by name), built on first use.</summary>
    public int[] SizeOrder => _bySize ??= SizeOrdering.Build(this);

    /// <summary>The node at <paramref name="path"/> (no leading slash), found by binary search over the name order.</summary>
    public int? Find(string path)
    {
        int low = 1, high = Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = Dive.ComponentOrder.Instance.Compare(Entry[middle].Path, path);
            if (order == 0)
            {
                return middle;
            }
            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return null;
    }
}
