using Strata.Analysis.Model;

namespace Strata.Analysis.Overlay;

/// <summary>A path of the merged file system and the entry that shows there now (none for a folder only implied by its contents).</summary>
public sealed class MergedNode
{
    // The name is the tail of a string the node shares (an entry's path), from _nameStart on: a million-file image
    // would otherwise hold a second copy of nearly every file name.
    private readonly string _nameSource;
    private readonly int _nameStart;

    internal MergedNode(string nameSource, int nameStart, MergedNode? parent, FileEntry? entry, int layer)
    {
        _nameSource = nameSource;
        _nameStart = nameStart;
        Parent = parent;
        Entry = entry;
        Layer = layer;
    }

    public string Name => _nameStart == 0 ? _nameSource : _nameSource[_nameStart..];

    internal ReadOnlySpan<char> NameSpan => _nameSource.AsSpan(_nameStart);

    public MergedNode? Parent { get; }

    public FileEntry? Entry { get; internal set; }

    /// <summary>The layer whose entry shows here.</summary>
    public int Layer { get; internal set; }

    /// <summary>The children, each its own key: looked up by name through <see cref="ByName"/>.</summary>
    internal HashSet<MergedNode>? ChildMap { get; set; }

    public IEnumerable<MergedNode> Children => ChildMap ?? Enumerable.Empty<MergedNode>();

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

    /// <summary>Adds a child named <paramref name="nameSource"/> from <paramref name="nameStart"/> on; there is none of that name yet.</summary>
    internal MergedNode AddChild(string nameSource, int nameStart, FileEntry? entry, int layer)
    {
        ChildMap ??= new HashSet<MergedNode>(ByName.Instance);
        var child = new MergedNode(nameSource, nameStart, this, entry, layer);
        ChildMap.Add(child);
        return child;
    }

    /// <summary>Compares nodes by name alone (siblings' names are unique), and a node with a name given as a span.</summary>
    internal sealed class ByName : IEqualityComparer<MergedNode>, IAlternateEqualityComparer<ReadOnlySpan<char>, MergedNode>
    {
        public static readonly ByName Instance = new();

        public bool Equals(MergedNode? x, MergedNode? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.NameSpan.SequenceEqual(y.NameSpan));

        public int GetHashCode(MergedNode obj) => string.GetHashCode(obj.NameSpan);

        public bool Equals(ReadOnlySpan<char> alternate, MergedNode other) => alternate.SequenceEqual(other.NameSpan);

        public int GetHashCode(ReadOnlySpan<char> alternate) => string.GetHashCode(alternate);

        public MergedNode Create(ReadOnlySpan<char> alternate) => new(alternate.ToString(), 0, null, null, -1);
    }
}
