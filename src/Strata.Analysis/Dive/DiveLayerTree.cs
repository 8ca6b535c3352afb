using Strata.Analysis.Model;

namespace Strata.Analysis.Dive;

/// <summary>
/// One layer as dive builds its tree: a node per entry name (whiteouts keep their <c>.wh.</c> name), parents it
/// has no entry for created empty, opaque markers dropped (though their parents are created), the last entry
/// for a name winning. One instance is loaded with each layer in turn, so its large tables are allocated once.
/// </summary>
internal sealed class DiveLayerTree
{
    private const string WhiteoutPrefix = ".wh.";

    private readonly List<string> _sorted = [];
    private readonly Stack<string> _open = new();

    public Dictionary<string, DiveNode> Nodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Node names children first, siblings in byte order: the order of dive's VisitDepthChildFirst.</summary>
    public List<string> PostOrder { get; } = [];

    public void Load(IReadOnlyList<FileEntry> entries)
    {
        var nodes = Nodes;
        nodes.Clear();
        nodes.EnsureCapacity(entries.Count);
        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case EntryKind.OpaqueWhiteout:
                    if (entry.Path.Length > 0)
                    {
                        AddWithParents(nodes, entry.Path, null);
                    }
                    break;
                case EntryKind.Whiteout:
                    AddWithParents(nodes, RawWhiteoutName(entry.Path), new DiveNode(entry.Size, false, true));
                    break;
                default:
                    AddWithParents(nodes, entry.Path, new DiveNode(entry.Size, entry.Kind == EntryKind.Directory, false));
                    break;
            }
        }
        _sorted.Clear();
        _sorted.EnsureCapacity(nodes.Count); // grown by doubling, a million-entry layer's list leaves 8 MB of garbage
        foreach (var name in nodes.Keys)
        {
            _sorted.Add(name); // not AddRange: its copy over this dictionary's keys would be compiled at run time
        }
        _sorted.Sort(ComponentOrder.Instance);
        FillPostOrder();
    }

    public bool IsLeaf(string name, int postOrderIndex) =>
        postOrderIndex == 0 || !ComponentOrder.IsUnder(PostOrder[postOrderIndex - 1], name);

    /// <summary>The path a whiteout node removes: its name without the <c>.wh.</c> prefix.</summary>
    public static string RemovedPath(string name)
    {
        var slash = name.LastIndexOf('/');
        return slash < 0 ? name[WhiteoutPrefix.Length..] : name[..(slash + 1)] + name[(slash + 1 + WhiteoutPrefix.Length)..];
    }

    private static string RawWhiteoutName(string removedPath)
    {
        var slash = removedPath.LastIndexOf('/');
        return slash < 0 ? WhiteoutPrefix + removedPath : removedPath[..(slash + 1)] + WhiteoutPrefix + removedPath[(slash + 1)..];
    }

    private static void AddWithParents(Dictionary<string, DiveNode> nodes, string name, DiveNode? data)
    {
        if (data is { } d)
        {
            nodes[name] = d;
        }
        else
        {
            nodes.TryAdd(name, default);
        }
        var byName = nodes.GetAlternateLookup<ReadOnlySpan<char>>();
        var end = name.LastIndexOf('/');
        while (end > 0)
        {
            // Most parents exist already: look them up by span and allocate a name only for a new one.
            if (byName.ContainsKey(name.AsSpan(0, end)))
            {
                break; // that parent exists, so do all of its own
            }
            nodes.Add(name[..end], default);
            end = name.LastIndexOf('/', end - 1);
        }
    }

    /// <summary>Sorted order has each folder before its contents; emit each folder after them instead.</summary>
    private void FillPostOrder()
    {
        PostOrder.Clear();
        PostOrder.EnsureCapacity(_sorted.Count);
        _open.Clear();
        foreach (var name in _sorted)
        {
            while (_open.Count > 0 && !ComponentOrder.IsUnder(name, _open.Peek()))
            {
                PostOrder.Add(_open.Pop());
            }
            _open.Push(name);
        }
        while (_open.Count > 0)
        {
            PostOrder.Add(_open.Pop());
        }
    }
}
