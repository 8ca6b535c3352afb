using Strata.Analysis.Dive;
using Strata.Analysis.Model;

namespace Strata.Analysis.Explore;

/// <summary>
/// Builds the tree of everything up to a layer (dive's aggregated view) by merging the tree up to the layer below
/// with the layer's own tree, both in name order: what the layer stores shows with the merge's change, what it
/// removes (whiteouts, opaque folders, folders replaced by files) shows as removed, the rest as unchanged.
/// </summary>
internal static class AggregatedTreeBuilder
{
    /// <summary>The first layer's aggregated tree: its own tree without the whiteouts (there is nothing below to remove).</summary>
    public static ExplorerTree First(ExplorerTree own) => Merge(null, own);

    public static ExplorerTree Merge(ExplorerTree? below, ExplorerTree own)
    {
        var writer = new TreeWriter((below?.Count ?? 0) + own.Count);
        var emitted = new Stack<(int Node, string Path)>();
        emitted.Push((0, ""));
        var removing = new Stack<string>();
        var removeAll = (own.Flags[0] & TreeNodeFlags.Opaque) != 0;
        var a = below is null ? int.MaxValue : NextPresent(below, 1);
        var b = 1;
        while (true)
        {
            var aPath = below is not null && a < below.Count ? below.Entry[a].Path : null;
            var bPath = b < own.Count ? own.Entry[b].Path : null;
            if (aPath is null && bPath is null)
            {
                break;
            }
            var order = aPath is null ? 1 : bPath is null ? -1 : ComponentOrder.Instance.Compare(aPath, bPath);
            if (order < 0)
            {
                // Only below: still there unless something above it went.
                var gone = removeAll || UnderRemoval(removing, aPath!);
                Emit(writer, emitted, below!, a, gone ? ChangeKind.Removed : ChangeKind.Unchanged, gone);
                a = NextPresent(below!, a + 1);
                continue;
            }
            var flags = own.Flags[b];
            if (order > 0)
            {
                // Only in this layer: a whiteout of nothing shows nothing; the rest is new.
                if ((flags & TreeNodeFlags.Whiteout) == 0)
                {
                    var change = (flags & TreeNodeFlags.Implied) != 0 ? ChangeKind.Added : own.Entry[b].Change;
                    Emit(writer, emitted, own, b, change, false);
                }
                b++;
                continue;
            }
            var folderBelow = below!.HasChildren(a);
            if ((flags & TreeNodeFlags.Whiteout) != 0)
            {
                Emit(writer, emitted, below, a, ChangeKind.Removed, true);
                if (folderBelow)
                {
                    removing.Push(aPath!);
                }
            }
            else if (own.Kind[b] != EntryKind.Directory)
            {
                Emit(writer, emitted, own, b, own.Entry[b].Change, false);
                if (folderBelow)
                {
                    removing.Push(aPath!);
                }
            }
            else
            {
                var implied = (flags & TreeNodeFlags.Implied) != 0;
                if (implied && below.Kind[a] == EntryKind.Directory)
                {
                    Emit(writer, emitted, below, a, ChangeKind.Unchanged, false);
                }
                else
                {
                    Emit(writer, emitted, own, b, implied ? ChangeKind.Modified : own.Entry[b].Change, false);
                }
                if ((flags & TreeNodeFlags.Opaque) != 0 && folderBelow)
                {
                    removing.Push(aPath!);
                }
            }
            a = NextPresent(below, a + 1);
            b++;
        }
        return writer.Finish();
    }

    /// <summary>The next node from <paramref name="from"/> on that the layer below still has (its removed paths are skipped).</summary>
    private static int NextPresent(ExplorerTree tree, int from)
    {
        var n = from;
        while (n < tree.Count && (tree.Flags[n] & TreeNodeFlags.Gone) != 0)
        {
            n = tree.End[n];
        }
        return n;
    }

    private static bool UnderRemoval(Stack<string> removing, string path)
    {
        while (removing.Count > 0 && !ComponentOrder.IsUnder(path, removing.Peek()))
        {
            removing.Pop();
        }
        return removing.Count > 0;
    }

    private static void Emit(TreeWriter writer, Stack<(int Node, string Path)> emitted, ExplorerTree source, int n, ChangeKind change, bool gone)
    {
        var entry = source.Entry[n];
        var path = entry.Path;
        while (emitted.Count > 1 && !ComponentOrder.IsUnder(path, emitted.Peek().Path))
        {
            emitted.Pop();
        }
        var kind = source.Kind[n];
        var flags = (source.Flags[n] & TreeNodeFlags.Implied) | (gone ? TreeNodeFlags.Gone : TreeNodeFlags.None);
        var size = kind == EntryKind.Directory ? 0 : entry.Size;
        var dead = entry is { Kind: EntryKind.File, IsDead: true } ? entry.Size : 0;
        var node = writer.Add(entry, kind, change, flags, size, dead, emitted.Peek().Node);
        emitted.Push((node, path));
    }
}
