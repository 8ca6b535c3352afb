using Strata.Analysis.Model;

namespace Strata.Analysis.Proof;

/// <summary>
/// The file system a container sees, merged from layer entries with overlay rules (whiteouts first within a layer,
/// then entries in tar order; a file where a folder is needed gives way to the folder). It reads the entries
/// without changing them, unlike <see cref="Overlay.MergedFileSystem"/>, which records deaths on the analysis.
/// </summary>
public sealed class FinalFileSystem
{
    private readonly Node _root = new() { Entry = FinalEntry.ImpliedDirectory };

    public static FinalFileSystem Of(IEnumerable<LayerAnalysis> layers)
    {
        var merged = new FinalFileSystem();
        foreach (var layer in layers)
        {
            merged.Apply(layer.Entries);
        }
        return merged;
    }

    public void Apply(IReadOnlyList<FileEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Kind == EntryKind.Whiteout && Find(entry.Path) is { } removed && removed.Parent is { } parent)
            {
                parent.Children!.Remove(removed.Name);
            }
            else if (entry.Kind == EntryKind.OpaqueWhiteout && Find(entry.Path) is { } folder && folder.Entry?.Kind == EntryKind.Directory)
            {
                folder.Children = null;
            }
        }
        foreach (var entry in entries)
        {
            if (entry.Kind is not (EntryKind.Whiteout or EntryKind.OpaqueWhiteout))
            {
                Upsert(entry);
            }
        }
    }

    /// <summary>Every path and what shows there, in ordinal path order.</summary>
    public SortedDictionary<string, FinalEntry> Entries()
    {
        var result = new SortedDictionary<string, FinalEntry>(StringComparer.Ordinal);
        var pending = new Stack<(Node Node, string Path)>();
        pending.Push((_root, ""));
        while (pending.Count > 0)
        {
            var (node, path) = pending.Pop();
            if (path.Length > 0)
            {
                result[path] = node.Entry!.Value;
            }
            foreach (var child in node.Children?.Values ?? Enumerable.Empty<Node>())
            {
                pending.Push((child, path.Length == 0 ? child.Name : path + "/" + child.Name));
            }
        }
        return result;
    }

    private Node? Find(string path)
    {
        var node = _root;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node.Children is null || !node.Children.TryGetValue(part, out var child))
            {
                return null;
            }
            node = child;
        }
        return node;
    }

    private void Upsert(FileEntry entry)
    {
        var parts = entry.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return;
        }
        var node = _root;
        foreach (var part in parts[..^1])
        {
            node = node.Child(part);
            if (node.Entry?.Kind != EntryKind.Directory)
            {
                node.Entry = FinalEntry.ImpliedDirectory;
                node.Children = null;
            }
        }
        var shown = entry.Kind == EntryKind.Hardlink ? LinkedFile(entry) : FinalEntry.Of(entry);
        var leaf = node.Child(parts[^1]);
        if (!(shown.Kind == EntryKind.Directory && leaf.Entry?.Kind == EntryKind.Directory))
        {
            leaf.Children = null;
        }
        leaf.Entry = shown;
    }

    /// <summary>
    /// A hard link shows what it links to (a file, symlink, device or FIFO: one inode, two names), as it stood when
    /// the link was made. A link to a folder or to nothing cannot be made, so it shows as the link it is.
    /// </summary>
    private FinalEntry LinkedFile(FileEntry link)
    {
        var target = link.LinkTarget is null ? null : Find(link.LinkTarget)?.Entry;
        return target is { Kind: not (EntryKind.Directory or EntryKind.Hardlink) } linked
            ? linked
            : new FinalEntry(EntryKind.Hardlink, link.Mode, link.Uid, link.Gid, 0, 0, link.LinkTarget);
    }

    private sealed class Node
    {
        public string Name { get; init; } = "";

        public Node? Parent { get; init; }

        public FinalEntry? Entry { get; set; }

        public Dictionary<string, Node>? Children { get; set; }

        /// <summary>The child of that name, made (with no entry yet) when there is none.</summary>
        public Node Child(string name)
        {
            Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!Children.TryGetValue(name, out var child))
            {
                child = new Node { Name = name, Parent = this };
                Children[name] = child;
            }
            return child;
        }
    }
}
