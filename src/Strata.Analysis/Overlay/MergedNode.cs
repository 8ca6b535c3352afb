using Strata.Analysis.Model;

namespace Strata.Analysis.Overlay;

/// <summary>A path of the merged file system and the entry that shows there now (none for a folder only implied by its contents).</summary>
public sealed class MergedNode
{
    internal MergedNode(string name, MergedNode? parent, FileEntry? entry, int layer)
    {
        Name = name;
        Parent = parent;
        Entry = entry;
        Layer = layer;
    }

    public string Name { get; }

    public MergedNode? Parent { get; }

    public FileEntry? Entry { get; internal set; }

    /// <summary>The layer whose entry shows here.</summary>
    public int Layer { get; internal set; }

    internal Dictionary<string, MergedNode>? ChildMap { get; set; }

    public IEnumerable<MergedNode> Children => ChildMap?.Values ?? Enumerable.Empty<MergedNode>();

    public bool IsDirectory => Entry is null || Entry.Kind == EntryKind.Directory;

    public string Path
    {
        get
        {
            var parts = new List<string>();
            for (var node = this; node.Parent is not null; node = node.Parent)
            {
                parts.Add(node.Name);
            }
            parts.Reverse();
            return string.Join('/', parts);
        }
    }

    internal MergedNode? Child(ReadOnlySpan<char> name) =>
        ChildMap is not null && ChildMap.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var child) ? child : null;

    internal MergedNode AddChild(string name, FileEntry? entry, int layer)
    {
        ChildMap ??= new Dictionary<string, MergedNode>(StringComparer.Ordinal);
        var child = new MergedNode(name, this, entry, layer);
        ChildMap[name] = child;
        return child;
    }
}
