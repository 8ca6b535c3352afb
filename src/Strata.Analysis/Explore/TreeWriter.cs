using Strata.Analysis.Model;

namespace Strata.Analysis.Explore;

/// <summary>
/// Collects a tree's nodes in pre-order (each after its parent, siblings by name), then sums sizes and dead bytes
/// and derives the folders' marks in one pass from the leaves up.
/// </summary>
internal sealed class TreeWriter
{
    private FileEntry[] _entry;
    private EntryKind[] _kind;
    private ChangeKind[] _change;
    private TreeNodeFlags[] _flags;
    private int[] _parent;
    private long[] _size;
    private long[] _dead;
    private int _count;

    /// <param name="capacity">How many nodes to expect, the root included.</param>
    public TreeWriter(int capacity)
    {
        capacity = Math.Max(capacity, 4);
        _entry = new FileEntry[capacity];
        _kind = new EntryKind[capacity];
        _change = new ChangeKind[capacity];
        _flags = new TreeNodeFlags[capacity];
        _parent = new int[capacity];
        _size = new long[capacity];
        _dead = new long[capacity];
        Add(ImpliedFolder(""), EntryKind.Directory, ChangeKind.Unchanged, TreeNodeFlags.Implied, 0, 0, -1);
    }

    public int Count => _count;

    /// <summary>A folder entry for a path the layers hold contents for but no entry of its own.</summary>
    public static FileEntry ImpliedFolder(string path) => new()
    {
        Path = path,
        Kind = EntryKind.Directory,
        TypeFlag = (byte)'5',
        Size = 0,
        Mode = 0,
        Uid = 0,
        Gid = 0,
    };

    /// <summary>
    /// Adds a node after everything added so far; <paramref name="parent"/> must be one already added. A folder's
    /// <paramref name="size"/> is 0 unless it is a removed path (its removed bytes): its contents add to it.
    /// </summary>
    public int Add(FileEntry entry, EntryKind kind, ChangeKind change, TreeNodeFlags flags, long size, long dead, int parent)
    {
        if (_count == _entry.Length)
        {
            Grow();
        }
        var n = _count++;
        _entry[n] = entry;
        _kind[n] = kind;
        _change[n] = change;
        _flags[n] = flags;
        _parent[n] = parent;
        _size[n] = size;
        _dead[n] = dead;
        return n;
    }

    public ExplorerTree Finish()
    {
        var count = _count;
        var end = new int[_entry.Length];
        // What the children of each node were marked: 0 none yet, 1 + a ChangeKind when all alike, Mixed otherwise.
        var children = new byte[count];
        const byte Mixed = 255;
        for (var n = count - 1; n >= 0; n--)
        {
            if (end[n] == 0)
            {
                end[n] = n + 1;
            }
            if (_kind[n] == EntryKind.Directory || n == 0)
            {
                _change[n] = FolderMark(_change[n], _flags[n], children[n]);
            }
            var parent = _parent[n];
            if (parent < 0)
            {
                continue;
            }
            end[parent] = Math.Max(end[parent], end[n]);
            // What was removed does not count towards the folder it was in, only towards a removed folder.
            if ((_flags[n] & (TreeNodeFlags.Gone | TreeNodeFlags.Whiteout)) == 0 || (_flags[parent] & TreeNodeFlags.Gone) != 0)
            {
                _size[parent] += _size[n];
            }
            _dead[parent] += _dead[n];
            var mark = (byte)(1 + (byte)_change[n]);
            children[parent] = children[parent] == 0 || children[parent] == mark ? mark : Mixed;
        }
        return new ExplorerTree
        {
            Count = count,
            Entry = Trim(_entry, count),
            Kind = Trim(_kind, count),
            Change = Trim(_change, count),
            Flags = Trim(_flags, count),
            Parent = Trim(_parent, count),
            End = Trim(end, count),
            Size = Trim(_size, count),
            Dead = Trim(_dead, count),
        };
    }

    /// <summary>
    /// dive's rule: a folder added or modified keeps its mark; one untouched (or only implied) is unchanged when
    /// everything in it is, and modified as soon as anything in it is not.
    /// </summary>
    private static ChangeKind FolderMark(ChangeKind own, TreeNodeFlags flags, byte children)
    {
        if ((flags & TreeNodeFlags.Gone) != 0)
        {
            return ChangeKind.Removed;
        }
        if (own is ChangeKind.Added or ChangeKind.Modified or ChangeKind.Removed)
        {
            return own;
        }
        return children == 0 || children == 1 + (byte)ChangeKind.Unchanged ? ChangeKind.Unchanged : ChangeKind.Modified;
    }

    /// <summary>Arrays may be longer than the tree: a copy only pays when it frees much.</summary>
    private static T[] Trim<T>(T[] array, int count) => array.Length - count <= count / 8 ? array : array[..count];

    private void Grow()
    {
        var size = _entry.Length * 2;
        Array.Resize(ref _entry, size);
        Array.Resize(ref _kind, size);
        Array.Resize(ref _change, size);
        Array.Resize(ref _flags, size);
        Array.Resize(ref _parent, size);
        Array.Resize(ref _size, size);
        Array.Resize(ref _dead, size);
    }
}
