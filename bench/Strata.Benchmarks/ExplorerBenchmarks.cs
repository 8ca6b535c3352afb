using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Strata.Analysis;
using Strata.Analysis.Explore;
using Strata.Analysis.Model;

namespace Strata.Benchmarks;

/// <summary>
/// The explorer on the million-file image: building a model's first screen (layer 0's own tree), and keypresses on
/// the top layer's aggregated tree, each with the screen of rows it shows. The target is 50 ms a keypress.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
[GcServer(false)]
[GcConcurrent(true)] // as the CLI runs
[MemoryDiagnoser]
public class ExplorerBenchmarks
{
    private const int Screen = 40;

    private ImageAnalysis _analysis = null!;
    private ExplorerModel _model = null!;
    private int _page;
    private int _filter;

    [GlobalSetup]
    public void Setup()
    {
        using (var image = BenchmarkImages.Open(MillionFilesImage.EnsureLayout(), MillionFilesImage.Tag))
        {
            _analysis = ImageAnalyzer.Analyze(image, new AnalysisOptions());
        }
        _model = new ExplorerModel(_analysis);
        // Every tree built once, as after a first visit of each layer in each view.
        foreach (var scope in new[] { TreeScope.Layer, TreeScope.Aggregated })
        {
            _model.Scope = scope;
            for (var layer = 0; layer < _analysis.Layers.Count; layer++)
            {
                _model.SelectedLayer = layer;
                _ = _model.RowCount;
            }
        }
    }

    [IterationSetup]
    public void Reset()
    {
        _model.Scope = TreeScope.Aggregated;
        _model.SelectedLayer = _analysis.Layers.Count - 1;
        _model.TrySetFilter(null, out _);
        _ = _model.RowCount;
    }

    [Benchmark]
    public int BuildModelAndFirstScreen() => FirstScreen(new ExplorerModel(_analysis));

    [Benchmark]
    public int SelectNextLayer()
    {
        _model.SelectedLayer = (_model.SelectedLayer + 1) % _analysis.Layers.Count;
        return FirstScreen(_model);
    }

    [Benchmark]
    public int ToggleUnchanged()
    {
        _model.ShowUnchanged = !_model.ShowUnchanged;
        return FirstScreen(_model);
    }

    [Benchmark]
    public int ScrollPage() => _model.Rows(++_page * 997 % (_model.RowCount - Screen), Screen).Count;

    [Benchmark]
    public int CollapseAll()
    {
        _model.ToggleCollapseAll();
        return FirstScreen(_model);
    }

    [Benchmark]
    public int Filter()
    {
        _model.TrySetFilter(++_filter % 2 == 0 ? @"mod[37]/file1\d\.py$" : "pkg0042/", out _);
        return FirstScreen(_model);
    }

    private static int FirstScreen(ExplorerModel model) => model.Rows(0, Screen).Count + model.RowCount;
}
