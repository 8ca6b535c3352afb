namespace Strata.Analysis.Dive;

/// <summary>
/// dive's StackTreeRange: a copy of layer 0's tree with layers stacked onto it in order (whiteouts remove,
/// everything else upserts keeping children). Only built when a layer has whiteouts to size, and then only
/// for the paths a whiteout can ask about: those on the way to a whiteout's path and those under it. That set
/// holds every ancestor of its members, so lookups and subtree sizes come out as in the whole tree.
/// </summary>
internal sealed class DiveStackedTree(WhiteoutTargets targets)
{
    private sealed class Node
    {
        public DiveNode Data;
        public Dictionary<string, Node>? Children;

        public Node? Child(ReadOnlySpan<char> name) =>
            Children is not null && Children.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var child) ? child : null;
    }

    private readonly Node _root = new();

    public static DiveStackedTree CopyOf(DiveLayerTree layer0, WhiteoutTargets targets)
    {
        var tree = new DiveStackedTree(targets);
        foreach (var name in layer0.PostOrder)
        {
            tree.Upsert(name, layer0.Nodes[name]);
        }
        return tree;
    }

    /// <summary>
    /// Stacks a layer's tree: its whiteouts remove, its other nodes upsert. Stacking layer 0 onto its own copy
    /// changes nothing but its whiteouts, hence <paramref name="skipUpserts"/>.
    /// </summary>
    public void Stack(DiveLayerTree upper, bool skipUpserts)
    {
        foreach (var name in upper.PostOrder)
        {
            var node = upper.Nodes[name];
            if (node.IsWhiteout)
            {
                Remove(DiveLayerTree.RemovedPath(name));
            }
            else if (!skipUpserts)
            {
                Upsert(name, node);
            }
        }
    }

    /// <summary>dive's size for a whiteout: the whole subtree's sizes when the path is a folder below, else 0; null when it is not there.</summary>
    public long? SizeRemovedAt(string path)
    {
        var node = Find(path);
        if (node is null)
        {
            return null;
        }
        if (!node.Data.IsDir)
        {
            return 0;
        }
        long total = 0;
        var pending = new Stack<Node>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            total += current.Data.Size;
            if (current.Children is not null)
            {
                foreach (var child in current.Children.Values)
                {
                    pending.Push(child);
                }
            }
        }
        return total;
    }

    private Node? Find(ReadOnlySpan<char> path)
    {
        var node = _root;
        foreach (var range in path.Split('/'))
        {
            var part = path[range];
            if (part.IsEmpty)
            {
                continue;
            }
            node = node.Child(part);
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    private void Upsert(string name, DiveNode data)
    {
        if (!targets.Concerns(name))
        {
            return;
        }
        var node = _root;
        var span = name.AsSpan();
        foreach (var range in span.Split('/'))
        {
            var child = node.Child(span[range]);
            if (child is null)
            {
                child = new Node();
                node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                node.Children.Add(name[range], child);
            }
            node = child;
        }
        node.Data = data;
    }

    private void Remove(string path)
    {
        var slash = path.LastIndexOf('/');
        var parent = slash < 0 ? _root : Find(path.AsSpan(0, slash));
        parent?.Children?.Remove(slash < 0 ? path : path[(slash + 1)..]);
    }
}
