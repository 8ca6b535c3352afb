using Strata.Analysis.Model;

namespace Strata.Analysis.Overlay;

/// <summary>A path of the merged file system and the entry that shows there now (none for a folder only implied by its contents).</summary>
public sealed class MergedNode
{
    // The name is the tail of a string the node shares (an entry's path), from _nameStart on: a million-file image
    // would otherwise hold a second copy of nearly every file name. No parent link: a million of them cost 8 MB, and
    // only a whiteout needs a parent, which it finds by its path.
    private readonly string _nameSource;
    private readonly int _nameStart;

    internal MergedNode(string nameSource, int nameStart, FileEntry? entry, int layer)
    {
        _nameSource = nameSource;
        _nameStart = nameStart;
        Entry = entry;
        Layer = layer;
    }

    public string Name => _nameStart == 0 ? _nameSource : _nameSource[_nameStart..];

    internal ReadOnlySpan<char> NameSpan => _nameSource.AsSpan(_nameStart);

    public FileEntry? Entry { get; internal set; }

    /// <summary>The layer whose entry shows here.</summary>
    public int Layer { get; internal set; }

    /// <summary>The children, none when null.</summary>
    internal ChildTable? ChildMap { get; set; }

    public IEnumerable<MergedNode> Children => ChildMap?.Nodes() ?? Enumerable.Empty<MergedNode>();

    public bool IsDirectory => Entry is null || Entry.Kind == EntryKind.Directory;

    internal MergedNode? Child(ReadOnlySpan<char> name) => ChildMap?.Find(name);

    /// <summary>Adds a child named <paramref name="nameSource"/> from <paramref name="nameStart"/> on; there is none of that name yet.</summary>
    internal MergedNode AddChild(string nameSource, int nameStart, FileEntry? entry, int layer)
    {
        ChildMap ??= new ChildTable();
        var child = new MergedNode(nameSource, nameStart, entry, layer);
        ChildMap.Add(child);
        return child;
    }
}
