using System.Runtime.InteropServices;
using Strata.Analysis.Model;

namespace Strata.Analysis.Dive;

/// <summary>
/// dive's efficiency score and wasted bytes, reproduced rule for rule (quirks included) so that numbers and
/// CI thresholds match dive's on the same image.
/// </summary>
public static class DiveEfficiency
{
    private struct PathStats
    {
        public long Cumulative;
        public long Minimum;
        public int Count;
    }

    public static DiveNumbers Compute(IReadOnlyList<LayerAnalysis> layers)
    {
        // Keyed by path without dive's leading slash, so that entries' own path strings serve as keys.
        var stats = new Dictionary<string, PathStats>(layers.Sum(l => l.Entries.Count), StringComparer.Ordinal);
        var inefficient = new List<string>();
        // dive sizes a whiteout from the layers below it; the stacked tree is only kept when some layer needs that.
        var lastWhiteoutLayer = LastLayerWithWhiteouts(layers);
        DiveStackedTree? stacked = null;
        var tree = new DiveLayerTree();

        for (var i = 0; i < layers.Count; i++)
        {
            tree.Load(layers[i].Entries);
            if (i == 0 && lastWhiteoutLayer >= 0)
            {
                stacked = DiveStackedTree.CopyOf(tree, new WhiteoutTargets(layers));
            }
            for (var k = 0; k < tree.PostOrder.Count; k++)
            {
                var name = tree.PostOrder[k];
                if (!tree.IsLeaf(name, k))
                {
                    continue;
                }
                var node = tree.Nodes[name];
                var path = node.IsWhiteout ? DiveLayerTree.RemovedPath(name) : name;
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(stats, path, out var existed);
                if (!existed)
                {
                    entry.Minimum = -1;
                }
                long size;
                if (node.IsWhiteout)
                {
                    var removed = stacked!.SizeRemovedAt(path);
                    if (removed is null)
                    {
                        break; // dive stops visiting this layer when a whiteout's path is not below it
                    }
                    size = removed.Value;
                }
                else
                {
                    size = node.Size;
                }
                entry.Cumulative += size;
                if (entry.Minimum < 0 || size < entry.Minimum)
                {
                    entry.Minimum = size;
                }
                entry.Count++;
                if (entry.Count == 2)
                {
                    inefficient.Add(path);
                }
            }
            // dive stacks layers 0..i-1 under layer i's whiteouts, starting from a copy of layer 0: keep that up to date.
            if (stacked is not null && i < lastWhiteoutLayer)
            {
                stacked.Stack(tree, skipUpserts: i == 0);
            }
            else
            {
                stacked = i < lastWhiteoutLayer ? stacked : null;
            }
        }

        long minimumSum = 0, cumulativeSum = 0;
        foreach (var s in stats.Values)
        {
            minimumSum += s.Minimum;
            cumulativeSum += s.Cumulative;
        }
        var efficiency = cumulativeSum == 0 ? 1.0 : (double)minimumSum / cumulativeSum;
        var files = LargestFirst(inefficient, stats);
        long wasted = 0;
        foreach (var file in files)
        {
            wasted += file.CumulativeSize;
        }
        var imageSize = layers.Sum(l => l.SizeBytes);
        var userSize = layers.Skip(1).Sum(l => l.SizeBytes);
        var userWasted = userSize == 0 ? 0 : (double)wasted / userSize;
        return new DiveNumbers(efficiency, imageSize, userSize, wasted, userWasted, files);
    }

    /// <summary>
    /// The repeated paths by cumulative size, largest first; dive sorts ascending and then reverses, so among equal sizes
    /// the last path to repeat comes first. (A plain array sort rather than LINQ's: its code is compiled ahead of time.)
    /// </summary>
    private static List<InefficientPath> LargestFirst(List<string> inefficient, Dictionary<string, PathStats> stats)
    {
        var ranked = new (long Cumulative, int Order)[inefficient.Count];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = (stats[inefficient[i]].Cumulative, i);
        }
        Array.Sort(ranked, static (a, b) => a.Cumulative != b.Cumulative ? b.Cumulative.CompareTo(a.Cumulative) : b.Order.CompareTo(a.Order));
        var files = new List<InefficientPath>(ranked.Length);
        foreach (var (_, order) in ranked)
        {
            var path = inefficient[order];
            var s = stats[path];
            files.Add(new InefficientPath("/" + path, s.Count, s.Cumulative, s.Minimum));
        }
        return files;
    }

    private static int LastLayerWithWhiteouts(IReadOnlyList<LayerAnalysis> layers)
    {
        for (var i = layers.Count - 1; i >= 0; i--)
        {
            if (layers[i].Entries.Any(e => e.Kind == EntryKind.Whiteout))
            {
                return i;
            }
        }
        return -1;
    }
}
