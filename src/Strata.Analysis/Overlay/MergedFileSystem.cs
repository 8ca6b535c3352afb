using Strata.Analysis.Model;

namespace Strata.Analysis.Overlay;

/// <summary>
/// Applies layers in order with overlay semantics (OCI image spec changesets), recording each entry's change
/// against the layers below and, for every stored regular file, the layer that made its bytes invisible.
/// Paths are taken literally, as overlay storage does: a symlinked folder below is replaced, not followed.
/// </summary>
public sealed class MergedFileSystem
{
    public MergedNode Root { get; } = new("", 0, null, -1);

    public void Apply(int layer, IReadOnlyList<FileEntry> entries)
    {
        // Whiteouts hide only what lies below this layer, wherever they sit in its tar: apply them first.
        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case EntryKind.Whiteout:
                    entry.Change = ChangeKind.Removed;
                    if (FindWithParent(entry.Path) is ({ } parent, { } removed))
                    {
                        Kill(removed, layer, DeathCause.WhitedOut, DeathCause.WhitedOut);
                        parent.ChildMap!.Remove(removed);
                    }
                    break;
                case EntryKind.OpaqueWhiteout:
                    entry.Change = ChangeKind.Removed;
                    if (Find(entry.Path) is { IsDirectory: true } folder && folder.ChildMap is not null)
                    {
                        foreach (var child in folder.ChildMap.Nodes())
                        {
                            Kill(child, layer, DeathCause.HiddenByOpaque, DeathCause.HiddenByOpaque);
                        }
                        folder.ChildMap = null;
                    }
                    break;
            }
        }
        foreach (var entry in entries)
        {
            if (entry.Kind is not (EntryKind.Whiteout or EntryKind.OpaqueWhiteout))
            {
                Upsert(layer, entry);
            }
        }
    }

    public MergedNode? Find(string path) => FindWithParent(path).Node;

    /// <summary>The node at <paramref name="path"/> and the folder holding it (none for the root or a missing path).</summary>
    private (MergedNode? Parent, MergedNode? Node) FindWithParent(string path)
    {
        MergedNode? parent = null;
        var node = Root;
        var span = path.AsSpan();
        foreach (var range in span.Split('/'))
        {
            if (span[range].IsEmpty)
            {
                continue;
            }
            parent = node;
            node = node.Child(span[range]);
            if (node is null)
            {
                return (null, null);
            }
        }
        return (parent, node);
    }

    /// <summary>Every node below the root, depth first, without recursion (paths may be thousands deep).</summary>
    public IEnumerable<MergedNode> Walk()
    {
        var pending = new Stack<MergedNode>();
        pending.Push(Root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node != Root)
            {
                yield return node;
            }
            node.ChildMap?.PushAll(pending);
        }
    }

    private void Upsert(int layer, FileEntry entry)
    {
        var node = Root;
        var start = 0;
        while (true)
        {
            var slash = entry.Path.IndexOf('/', start);
            if (slash < 0)
            {
                break;
            }
            var child = node.Child(entry.Path.AsSpan(start, slash - start));
            if (child is null)
            {
                child = node.AddChild(entry.Path[start..slash], 0, null, layer);
            }
            else if (!child.IsDirectory)
            {
                // A file where this entry needs a folder: the folder replaces it.
                Kill(child, layer, DeathCause.AncestorReplaced, DeathCause.AncestorReplaced);
                child.Entry = null;
                child.Layer = layer;
            }
            node = child;
            start = slash + 1;
        }
        var existing = node.Child(entry.Path.AsSpan(start));
        if (entry.Kind == EntryKind.Hardlink)
        {
            LinkToTarget(entry);
        }
        else if (entry.Kind == EntryKind.File)
        {
            entry.LiveReferences++;
        }
        if (existing is null)
        {
            entry.Change = ChangeKind.Added;
            node.AddChild(entry.Path, start, entry, layer);
            return;
        }
        var previous = existing.Entry;
        // A path stored twice in one layer (legal: the last entry wins) changes what lay below, not the earlier copy.
        var sameLayer = existing.Layer == layer && previous is not null;
        if (entry.Kind == EntryKind.Directory && existing.IsDirectory)
        {
            existing.Entry = entry; // folders merge: what lies in them stays
        }
        else
        {
            Kill(existing, layer, DeathCause.Overwritten, DeathCause.AncestorReplaced);
            existing.ChildMap = null;
            existing.Entry = entry;
        }
        existing.Layer = layer;
        entry.Change = previous is null ? ChangeKind.Added
            : sameLayer ? (previous.Change == ChangeKind.Added ? ChangeKind.Added : ChangeKind.Modified)
            : SameFile(previous, entry) ? ChangeKind.Unchanged : ChangeKind.Modified;
    }

    private void LinkToTarget(FileEntry link)
    {
        var target = link.LinkTarget is null ? null : Find(link.LinkTarget)?.Entry;
        if (target?.Kind == EntryKind.Hardlink)
        {
            target = target.HardlinkTarget;
        }
        if (target is { Kind: EntryKind.File })
        {
            link.HardlinkTarget = target;
            target.LiveReferences++;
        }
    }

    /// <summary>Marks the bytes under a node invisible; a file stays alive while a hardlink to it still shows.</summary>
    private static void Kill(MergedNode top, int layer, DeathCause topCause, DeathCause belowCause)
    {
        var pending = new Stack<MergedNode>();
        pending.Push(top);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            var cause = node == top ? topCause : belowCause;
            var stored = node.Entry?.Kind == EntryKind.Hardlink ? node.Entry.HardlinkTarget : node.Entry;
            if (stored is { Kind: EntryKind.File } && --stored.LiveReferences == 0)
            {
                stored.KilledBy = layer;
                stored.Cause = cause;
            }
            node.ChildMap?.PushAll(pending);
        }
    }

    private static bool SameFile(FileEntry a, FileEntry b)
    {
        if (a.Kind != b.Kind || a.Mode != b.Mode || a.Uid != b.Uid || a.Gid != b.Gid)
        {
            return false;
        }
        return a.Kind switch
        {
            EntryKind.File => a.Size == b.Size && a.ContentHash == b.ContentHash,
            EntryKind.Symlink => a.LinkTarget == b.LinkTarget,
            EntryKind.Hardlink => a.HardlinkTarget is { } ta && b.HardlinkTarget is { } tb
                ? ta.Size == tb.Size && ta.ContentHash == tb.ContentHash
                : a.LinkTarget == b.LinkTarget,
            _ => true,
        };
    }
}
