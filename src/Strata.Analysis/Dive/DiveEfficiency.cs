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
        var files = inefficient
            .Select((path, order) => (path, stats: stats[path], order))
            .OrderByDescending(x => x.stats.Cumulative)
            .ThenByDescending(x => x.order) // dive sorts ascending, then reverses: among equals, the last to repeat comes first
            .Select(x => new InefficientPath("/" + x.path, x.stats.Count, x.stats.Cumulative, x.stats.Minimum))
            .ToList();
        var wasted = files.Sum(f => f.CumulativeSize);
        var imageSize = layers.Sum(l => l.SizeBytes);
        var userSize = layers.Skip(1).Sum(l => l.SizeBytes);
        var userWasted = userSize == 0 ? 0 : (double)wasted / userSize;
        return new DiveNumbers(efficiency, imageSize, userSize, wasted, userWasted, files);
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
