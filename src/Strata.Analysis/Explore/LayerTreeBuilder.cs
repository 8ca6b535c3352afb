using System.Runtime.InteropServices;
using Strata.Analysis.Model;

namespace Strata.Analysis.Explore;

/// <summary>
/// Builds a layer's own tree (dive's per-layer view): a node per path the layer stores, removes or hides, the folders
/// it only implies, each entry marked with the change the merge found. A removed path is sized with the bytes its
/// whiteout killed in the layers below; a path stored twice keeps the last entry and counts the first as dead.
/// </summary>
internal static class LayerTreeBuilder
{
    private sealed class Scratch(int capacity)
    {
        public readonly Dictionary<string, int> ByPath = new(capacity, StringComparer.Ordinal);
        public readonly List<FileEntry?> Entry = new(capacity);
        public readonly List<int> Parent = new(capacity);
        public readonly List<TreeNodeFlags> Flags = new(capacity);
        public readonly List<long> Dead = new(capacity);
        public readonly List<string> Path = new(capacity);
        public string? LastParentPath;
        public int LastParent;

        public int Add(string path, FileEntry? entry)
        {
            var n = Entry.Count;
            Entry.Add(entry);
            Parent.Add(-1);
            Flags.Add(entry is null ? TreeNodeFlags.Implied : TreeNodeFlags.None);
            Dead.Add(0);
            Path.Add(path);
            return n;
        }
    }

    public static ExplorerTree Build(IReadOnlyList<LayerAnalysis> layers, int index)
    {
        var entries = layers[index].Entries;
        var scratch = new Scratch(entries.Count + 16);
        scratch.ByPath.Add("", scratch.Add("", null));
        foreach (var entry in entries)
        {
            Place(scratch, entry);
        }
        var removed = RemovedBytes(layers, index, scratch);
        var existing = ImpliedFoldersBelow(layers, index, scratch);
        return Write(scratch, removed, existing);
    }

    private static void Place(Scratch s, FileEntry entry)
    {
        var node = NodeFor(s, entry.Path);
        switch (entry.Kind)
        {
            case EntryKind.OpaqueWhiteout:
                s.Flags[node] |= TreeNodeFlags.Opaque;
                return;
            case EntryKind.Whiteout:
                // Whiteouts apply before the layer's other entries: an entry stored at the same path wins.
                if (s.Entry[node] is null || s.Entry[node]!.Kind == EntryKind.Whiteout)
                {
                    s.Entry[node] = entry;
                    s.Flags[node] = (s.Flags[node] & TreeNodeFlags.Opaque) | TreeNodeFlags.Whiteout;
                }
                return;
        }
        if (s.Entry[node] is { Kind: EntryKind.File, IsDead: true } earlier)
        {
            s.Dead[node] += earlier.Size;
        }
        s.Entry[node] = entry;
        s.Flags[node] &= TreeNodeFlags.Opaque;
    }

    /// <summary>The node for a path, adding it and any missing parents (the root is node 0).</summary>
    private static int NodeFor(Scratch s, string path)
    {
        if (path.Length == 0)
        {
            return 0;
        }
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(s.ByPath, path, out var exists);
        if (exists)
        {
            return slot;
        }
        var node = s.Add(path, null);
        slot = node;
        var slash = path.LastIndexOf('/');
        if (slash <= 0)
        {
            s.Parent[node] = 0;
        }
        else if (s.LastParentPath is { } last && path.AsSpan(0, slash).SequenceEqual(last))
        {
            // Entries come folder by folder: most share the previous entry's parent, found without hashing.
            s.Parent[node] = s.LastParent;
        }
        else
        {
            s.Parent[node] = ParentFor(s, path, slash);
            s.LastParentPath = s.Path[s.Parent[node]];
            s.LastParent = s.Parent[node];
        }
        return node;
    }

    /// <summary>The node of <c>path[..slash]</c>, adding it and its missing parents without recursion (paths may be thousands deep).</summary>
    private static int ParentFor(Scratch s, string path, int slash)
    {
        var byPath = s.ByPath.GetAlternateLookup<ReadOnlySpan<char>>();
        if (byPath.TryGetValue(path.AsSpan(0, slash), out var existing))
        {
            return existing;
        }
        var top = s.Add(path[..slash], null);
        s.ByPath.Add(s.Path[top], top);
        var child = top;
        var childPath = s.Path[top];
        while (true)
        {
            var cut = childPath.LastIndexOf('/');
            if (cut <= 0)
            {
                s.Parent[child] = 0;
                break;
            }
            if (byPath.TryGetValue(childPath.AsSpan(0, cut), out var parent))
            {
                s.Parent[child] = parent;
                break;
            }
            var parentPath = childPath[..cut];
            parent = s.Add(parentPath, null);
            s.ByPath.Add(parentPath, parent);
            s.Parent[child] = parent;
            child = parent;
            childPath = parentPath;
        }
        return top;
    }

    /// <summary>
    /// For each whiteout of this layer: the bytes of the lower files it killed, and what it removed (a folder when
    /// they lay under it, else the kind of the lower entry at its path).
    /// </summary>
    private static Dictionary<int, (long Bytes, bool Folder, EntryKind Kind)> RemovedBytes(IReadOnlyList<LayerAnalysis> layers, int index, Scratch s)
    {
        var removed = new Dictionary<int, (long Bytes, bool Folder, EntryKind Kind)>();
        if (!s.Flags.Exists(f => (f & TreeNodeFlags.Whiteout) != 0))
        {
            return removed;
        }
        var byPath = s.ByPath.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var below = 0; below < index; below++)
        {
            foreach (var entry in layers[below].Entries)
            {
                if (entry.KilledBy == index && entry.Cause == DeathCause.WhitedOut)
                {
                    AddKilled(removed, s, byPath, entry);
                }
                else if (entry.Kind is not (EntryKind.Whiteout or EntryKind.OpaqueWhiteout)
                    && byPath.TryGetValue(entry.Path, out var node) && (s.Flags[node] & TreeNodeFlags.Whiteout) != 0)
                {
                    removed.TryGetValue(node, out var known);
                    removed[node] = (known.Bytes, known.Folder || entry.Kind == EntryKind.Directory, entry.Kind);
                }
            }
        }
        return removed;
    }

    private static void AddKilled(
        Dictionary<int, (long Bytes, bool Folder, EntryKind Kind)> removed,
        Scratch s,
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> byPath,
        FileEntry entry)
    {
        var path = entry.Path.AsSpan();
        for (var end = path.Length; end > 0; end = path[..end].LastIndexOf('/'))
        {
            if (byPath.TryGetValue(path[..end], out var node) && (s.Flags[node] & TreeNodeFlags.Whiteout) != 0)
            {
                var under = end < path.Length;
                removed.TryGetValue(node, out var sum);
                removed[node] = (sum.Bytes + entry.Size, sum.Folder || under, under ? EntryKind.Directory : entry.Kind);
                return;
            }
        }
    }

    /// <summary>
    /// The implied folders a lower layer holds (as an entry or as a parent of one). Layers built by docker store every
    /// parent, so there are seldom any to look for, and the scan stops once all are found.
    /// </summary>
    private static HashSet<int> ImpliedFoldersBelow(IReadOnlyList<LayerAnalysis> layers, int index, Scratch s)
    {
        var found = new HashSet<int>();
        var wanted = 0;
        for (var n = 1; n < s.Entry.Count; n++)
        {
            wanted += s.Entry[n] is null ? 1 : 0;
        }
        var byPath = s.ByPath.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var below = 0; below < index && found.Count < wanted; below++)
        {
            foreach (var entry in layers[below].Entries)
            {
                var path = entry.Path.AsSpan();
                for (var end = path.Length; end > 0; end = path[..end].LastIndexOf('/'))
                {
                    if (byPath.TryGetValue(path[..end], out var node) && s.Entry[node] is null && !found.Add(node))
                    {
                        break; // found before, and so were its parents
                    }
                }
                if (found.Count == wanted)
                {
                    break;
                }
            }
        }
        return found;
    }

    private static ExplorerTree Write(Scratch s, Dictionary<int, (long Bytes, bool Folder, EntryKind Kind)> removed, HashSet<int> existing)
    {
        var count = s.Entry.Count;
        // Children of each node, contiguous, then sorted by name.
        var first = new int[count + 1];
        for (var n = 1; n < count; n++)
        {
            first[s.Parent[n] + 1]++;
        }
        for (var n = 0; n < count; n++)
        {
            first[n + 1] += first[n];
        }
        var children = new int[Math.Max(count - 1, 0)];
        var fill = first[..count];
        for (var n = 1; n < count; n++)
        {
            children[fill[s.Parent[n]]++] = n;
        }
        var paths = s.Path;
        var nameStart = new int[count];
        for (var n = 1; n < count; n++)
        {
            nameStart[n] = paths[n].LastIndexOf('/') + 1;
        }
        Comparison<int> byName = (a, b) => paths[a].AsSpan(nameStart[a]).SequenceCompareTo(paths[b].AsSpan(nameStart[b]));
        for (var n = 0; n < count; n++)
        {
            var siblings = children.AsSpan(first[n], first[n + 1] - first[n]);
            if (!IsSorted(siblings, byName))
            {
                siblings.Sort(byName);
            }
        }

        var writer = new TreeWriter(count);
        var position = new int[count];
        var pending = new Stack<int>();
        for (var i = first[1] - 1; i >= first[0]; i--)
        {
            pending.Push(children[i]);
        }
        while (pending.Count > 0)
        {
            var n = pending.Pop();
            var flags = s.Flags[n];
            var entry = s.Entry[n] ?? TreeWriter.ImpliedFolder(paths[n]);
            var kind = entry.Kind;
            var change = entry.Change;
            long size = entry.Size;
            if ((flags & TreeNodeFlags.Whiteout) != 0)
            {
                // What was removed is known from the files it killed; a path that held none shows as a whiteout.
                var found = removed.TryGetValue(n, out var gone);
                kind = !found ? EntryKind.Whiteout : gone.Folder ? EntryKind.Directory : gone.Kind;
                size = gone.Bytes;
                change = ChangeKind.Removed;
            }
            else if (s.Entry[n] is null)
            {
                // A folder only implied: new unless a layer below has it, then marked from what changed in it.
                change = existing.Contains(n) ? ChangeKind.Unchanged : ChangeKind.Added;
            }
            var dead = s.Dead[n] + (entry is { Kind: EntryKind.File, IsDead: true } ? entry.Size : 0);
            position[n] = writer.Add(entry, kind, change, flags, kind == EntryKind.Directory && (flags & TreeNodeFlags.Whiteout) == 0 ? 0 : size, dead, position[s.Parent[n]]);
            for (var i = first[n + 1] - 1; i >= first[n]; i--)
            {
                pending.Push(children[i]);
            }
        }
        return writer.Finish();
    }

    /// <summary>Layers mostly list a folder's entries in name order already: checking is cheaper than sorting.</summary>
    private static bool IsSorted(Span<int> siblings, Comparison<int> order)
    {
        for (var i = 1; i < siblings.Length; i++)
        {
            if (order(siblings[i - 1], siblings[i]) > 0)
            {
                return false;
            }
        }
        return true;
    }
}
