using Strata.Analysis.Model;

namespace Strata.Analysis.Explore;

/// <summary>
/// The rows a tree shows for a set of marks, a filter and its collapsed folders: a node shows when its mark is shown
/// and its path matches, or when something under it shows; the children of a collapsed folder do not. Both passes
/// are linear over arrays, and whole hidden or collapsed subtrees are skipped at once.
/// </summary>
internal static class VisibleRows
{
    /// <summary>Which nodes show (or hold something that does), for marks as a bit set over <see cref="ChangeKind"/>.</summary>
    public static bool[] Shown(ExplorerTree tree, int marks, bool[]? matches, bool[]? reuse)
    {
        var shown = reuse is not null && reuse.Length == tree.Count ? reuse : new bool[tree.Count];
        var change = tree.Change;
        var parent = tree.Parent;
        for (var n = 0; n < tree.Count; n++)
        {
            shown[n] = (marks & (1 << (int)change[n])) != 0 && (matches is null || matches[n]);
        }
        for (var n = tree.Count - 1; n > 0; n--)
        {
            if (shown[n])
            {
                shown[parent[n]] = true;
            }
        }
        return shown;
    }

    /// <summary>
    /// The nodes shown as rows, in <paramref name="order"/> (a pre-order of the tree), into <paramref name="rows"/>;
    /// <paramref name="followed"/> tells for each row whether a later row is its sibling (for the tree's guide lines).
    /// </summary>
    public static int Fill(ExplorerTree tree, int[]? order, bool[] shown, int[] rows, bool[] followed)
    {
        var collapsed = tree.Collapsed;
        var end = tree.End;
        var count = 0;
        // The open folders above the current row, each with its last child row so far.
        var folders = new List<int> { 0 };
        var lastChild = new List<int> { -1 };
        var position = 1; // the root is never a row
        while (position < tree.Count)
        {
            var n = order is null ? position : order[position];
            var subtree = end[n] - n;
            if (!shown[n])
            {
                position += subtree;
                continue;
            }
            while (folders.Count > 1 && (n < folders[^1] || n >= end[folders[^1]]))
            {
                folders.RemoveAt(folders.Count - 1);
                lastChild.RemoveAt(lastChild.Count - 1);
            }
            if (lastChild[^1] >= 0)
            {
                followed[lastChild[^1]] = true;
            }
            lastChild[^1] = count;
            followed[count] = false;
            rows[count++] = n;
            if (collapsed[n] || subtree == 1)
            {
                position += subtree;
            }
            else
            {
                folders.Add(n);
                lastChild.Add(-1);
                position++;
            }
        }
        return count;
    }
}
