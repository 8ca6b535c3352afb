using Strata.Analysis.Model;

namespace Strata.Analysis.Dive;

/// <summary>
/// dive's efficiency score and wasted bytes, reproduced rule for rule (quirks included) so that numbers and
/// CI thresholds match dive's on the same image.
/// </summary>
public static class DiveEfficiency
{
    public static DiveNumbers Compute(IReadOnlyList<LayerAnalysis> layers)
    {
        var stats = new DiveStats(layers.Sum(l => l.Entries.Count));
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
                if (!node.IsWhiteout)
                {
                    stats.Add(name, node.Size);
                    continue;
                }
                var path = DiveLayerTree.RemovedPath(name);
                if (stacked!.SizeRemovedAt(path) is { } removed)
                {
                    stats.Add(path, removed);
                }
                else
                {
                    stats.Touch(path);
                    break; // dive stops visiting this layer when a whiteout's path is not below it
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

        var (minimumSum, cumulativeSum) = stats.Sums();
        var efficiency = cumulativeSum == 0 ? 1.0 : (double)minimumSum / cumulativeSum;
        var files = LargestFirst(stats);
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
    private static List<InefficientPath> LargestFirst(DiveStats stats)
    {
        var repeated = stats.RepeatedInOrder;
        var ranked = new (long Cumulative, int Order)[repeated.Count];
        for (var i = 0; i < ranked.Length; i++)
        {
            ranked[i] = (stats.Of(repeated[i]).Cumulative, i);
        }
        Array.Sort(ranked, static (a, b) => a.Cumulative != b.Cumulative ? b.Cumulative.CompareTo(a.Cumulative) : b.Order.CompareTo(a.Order));
        var files = new List<InefficientPath>(ranked.Length);
        foreach (var (_, order) in ranked)
        {
            var path = repeated[order];
            var s = stats.Of(path);
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
