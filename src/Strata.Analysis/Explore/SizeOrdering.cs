namespace Strata.Analysis.Explore;

/// <summary>A tree's pre-order with the children of every folder largest first (then by name, as in the name order).</summary>
internal static class SizeOrdering
{
    public static int[] Build(ExplorerTree tree)
    {
        var order = new int[tree.Count];
        var size = tree.Size;
        Comparison<int> largestFirst = (x, y) => size[x] != size[y] ? size[y].CompareTo(size[x]) : x.CompareTo(y);
        var children = new List<int>();
        var pending = new Stack<int>();
        pending.Push(0);
        var written = 0;
        while (pending.Count > 0)
        {
            var n = pending.Pop();
            order[written++] = n;
            children.Clear();
            for (var c = n + 1; c < tree.End[n]; c = tree.End[c])
            {
                children.Add(c);
            }
            children.Sort(largestFirst);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
        return order;
    }
}
