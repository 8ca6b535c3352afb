using Strata.Analysis.Model;

namespace Strata.Analysis.Dive;

/// <summary>
/// dive's efficiency score and wasted bytes, reproduced rule for rule (quirks included) so that numbers and
/// CI thresholds match dive's on the same image.
/// </summary>
public static class DiveEfficiency
{
    private sealed class PathStats(string path)
    {
        public string Path { get; } = path;
        public long Cumulative;
        public long Minimum = -1;
        public int Count;
    }

    public static DiveNumbers Compute(IReadOnlyList<LayerAnalysis> layers)
    {
        var stats = new Dictionary<string, PathStats>(StringComparer.Ordinal);
        var inefficient = new List<PathStats>();
        var trees = new DiveLayerTree?[layers.Count];
        DiveStackedTree? stacked = null;
        var stackedThrough = -1;

        for (var i = 0; i < layers.Count; i++)
        {
            var tree = trees[i] ?? DiveLayerTree.Build(layers[i].Entries);
            trees[i] = tree;
            for (var k = 0; k < tree.PostOrder.Count; k++)
            {
                var name = tree.PostOrder[k];
                if (!tree.IsLeaf(name, k))
                {
                    continue;
                }
                var node = tree.Nodes[name];
                var path = DiveLayerTree.DisplayPath(name, node);
                if (!stats.TryGetValue(path, out var entry))
                {
                    entry = new PathStats(path);
                    stats[path] = entry;
                }
                long size;
                if (node.IsWhiteout)
                {
                    stacked ??= DiveStackedTree.CopyOf(trees[0] ??= DiveLayerTree.Build(layers[0].Entries));
                    for (; stackedThrough < i - 1; stackedThrough++)
                    {
                        var next = stackedThrough + 1;
                        stacked.Stack(trees[next] ??= DiveLayerTree.Build(layers[next].Entries));
                    }
                    var removed = stacked.SizeRemovedAt(path[1..]);
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
                    inefficient.Add(entry);
                }
            }
            // Later layers' whiteouts may need this tree again to stack it; rebuilding it then is cheaper than keeping every tree.
            trees[i] = null;
        }

        long minimumSum = 0, cumulativeSum = 0;
        foreach (var s in stats.Values)
        {
            minimumSum += s.Minimum;
            cumulativeSum += s.Cumulative;
        }
        var efficiency = cumulativeSum == 0 ? 1.0 : (double)minimumSum / cumulativeSum;
        var files = inefficient
            .Select((s, order) => (s, order))
            .OrderByDescending(x => x.s.Cumulative)
            .ThenByDescending(x => x.order) // dive sorts ascending, then reverses: among equals, the last to repeat comes first
            .Select(x => new InefficientPath(x.s.Path, x.s.Count, x.s.Cumulative, x.s.Minimum))
            .ToList();
        var wasted = files.Sum(f => f.CumulativeSize);
        var imageSize = layers.Sum(l => l.SizeBytes);
        var userSize = layers.Skip(1).Sum(l => l.SizeBytes);
        var userWasted = userSize == 0 ? 0 : (double)wasted / userSize;
        return new DiveNumbers(efficiency, imageSize, userSize, wasted, userWasted, files);
    }
}
