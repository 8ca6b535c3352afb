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

    /// <summary>The nodes shown as rows, in <paramref name="order"/> (a pre-order of the tree), into <paramref name="rows"/>.</summary>
    public static int Fill(ExplorerTree tree, int[]? order, bool[] shown, int[] rows)
    {
        var collapsed = tree.Collapsed;
        var end = tree.End;
        var count = 0;
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
            rows[count++] = n;
            position += collapsed[n] ? subtree : 1;
        }
        return count;
    }
}
