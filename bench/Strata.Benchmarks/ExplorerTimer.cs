using System.Diagnostics;
using Strata.Analysis;
using Strata.Analysis.Explore;
using Strata.Analysis.Model;

namespace Strata.Benchmarks;

/// <summary>
/// The explorer's per-keypress figures on the million-file image, in one process: the analysis once, then the first
/// screen of each tree (which builds it), the managed memory the model holds, and each keypress (an action and the
/// screen of rows it shows) timed over several repeats, worst and median. Usage: <c>explore [repeats]</c>.
/// </summary>
internal static class ExplorerTimer
{
    private const int Screen = 40;

    public static int Run(string[] args)
    {
        var repeats = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
        ImageAnalysis analysis;
        using (var image = BenchmarkImages.Open(MillionFilesImage.EnsureLayout(), MillionFilesImage.Tag))
        {
            var started = Stopwatch.StartNew();
            analysis = ImageAnalyzer.Analyze(image, new AnalysisOptions());
            Console.WriteLine($"analyze: {started.Elapsed.TotalSeconds:F2} s, {analysis.Layers.Sum(l => l.Entries.Count):N0} entries in {analysis.Layers.Count} layers");
        }
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"managed heap after analyze: {heapBefore / 1e6:F0} MB; working set {Environment.WorkingSet / 1e6:F0} MB, peak so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");

        var model = new ExplorerModel(analysis);
        Once("first screen: layer 0, own tree (builds it)", () => Show(model));
        for (var layer = 1; layer < analysis.Layers.Count; layer++)
        {
            model.SelectedLayer = layer;
            Once($"first screen: layer {layer}, own tree (builds it)", () => Show(model));
        }
        Once("first screen: layer 0, own tree, again in a new model (JIT done)", () => Show(new ExplorerModel(analysis)));
        model.Scope = TreeScope.Aggregated;
        for (var layer = 0; layer < analysis.Layers.Count; layer++)
        {
            model.SelectedLayer = layer;
            Once($"first screen: layer {layer}, aggregated (builds it)", () => Show(model));
        }
        model.Sort = TreeSort.Size;
        Once("first size sort of the aggregated top layer (builds its order)", () => Show(model));
        model.Sort = TreeSort.Name;
        Once("waste list (built once)", () => model.Waste.Count);
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"model's managed memory, every tree built: {(heapAfter - heapBefore) / 1e6:F0} MB; working set {Environment.WorkingSet / 1e6:F0} MB, peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");

        var top = analysis.Layers.Count - 1;
        Console.WriteLine($"per keypress, {repeats} repeats (worst / median), the top layer's aggregated tree has {Rows(model, top)} rows:");
        Keypress("select next layer + first screen", repeats, () =>
        {
            model.SelectedLayer = (model.SelectedLayer + 1) % analysis.Layers.Count;
            return Show(model);
        });
        model.SelectedLayer = top;
        Keypress("switch view (own / aggregated) + first screen", repeats, () =>
        {
            model.Scope = model.Scope == TreeScope.Layer ? TreeScope.Aggregated : TreeScope.Layer;
            return Show(model);
        });
        model.Scope = TreeScope.Aggregated;
        Keypress("toggle the unchanged mark + first screen", repeats, () =>
        {
            model.ShowUnchanged = !model.ShowUnchanged;
            return Show(model);
        });
        model.ShowUnchanged = true;
        Keypress("toggle the sort + first screen", repeats, () =>
        {
            model.Sort = model.Sort == TreeSort.Name ? TreeSort.Size : TreeSort.Name;
            return Show(model);
        });
        model.Sort = TreeSort.Name;
        var page = 0;
        Keypress("scroll a page (next screen of rows)", repeats, () => model.Rows(++page * 997 % Math.Max(model.RowCount - Screen, 1), Screen).Count);
        Keypress("collapse the first folder + first screen", repeats, () =>
        {
            model.ToggleCollapsed(0);
            return Show(model);
        });
        Keypress("collapse all / expand all + first screen", repeats, () =>
        {
            model.ToggleCollapseAll();
            return Show(model);
        });
        var deep = "usr/lib/python3/site-packages/pkg0777/mod5/file21.py";
        Keypress("reveal a file + its screen", repeats, () => model.Reveal(deep) is { } row ? model.Rows(row, Screen).Count : -1);
        foreach (var pattern in new[] { @"pkg0042/", @"mod[37]/file1\d\.py$", @"\.dat$", "nothing-matches-this", "(?i)README|licen[cs]e" })
        {
            Keypress($"filter {pattern} + first screen (matches every path)", Math.Max(repeats / 4, 2), () =>
            {
                model.TrySetFilter(null, out _);
                model.TrySetFilter(pattern, out _);
                return Show(model);
            });
        }
        Keypress("with a filter set: toggle a mark + first screen", repeats, () =>
        {
            model.ShowAdded = !model.ShowAdded;
            return Show(model);
        });
        model.TrySetFilter(null, out _);
        Console.WriteLine($"peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        GC.KeepAlive(model);
        return 0;
    }

    private static int Show(ExplorerModel model) => model.Rows(0, Screen).Count + model.RowCount;

    private static int Rows(ExplorerModel model, int layer)
    {
        model.SelectedLayer = layer;
        return model.RowCount;
    }

    private static void Once(string name, Func<int> step)
    {
        var watch = Stopwatch.StartNew();
        step();
        Console.WriteLine($"  {name,-62} {watch.Elapsed.TotalMilliseconds,8:F1} ms");
    }

    private static void Keypress(string name, int repeats, Func<int> step)
    {
        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            step();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine($"  {name,-62} {times[^1],8:F1} / {times[repeats / 2],6:F1} ms");
    }
}
