using Strata.Analysis.Explore;
using Strata.Analysis.Model;

namespace Strata.Analysis.Tests.Explore;

/// <summary>Filter, collapse, reveal, waste and the panes' figures on <see cref="HandMadeImage"/>.</summary>
public sealed class ExplorerInteractionTests
{
    private static readonly ImageAnalysis Image = HandMadeImage.Analyze();

    [Fact]
    public void The_filter_keeps_matching_paths_and_the_folders_above_them()
    {
        var model = new ExplorerModel(Image).At(1, TreeScope.Aggregated);

        Assert.True(model.TrySetFilter(@"app\.conf$", out var error));
        Assert.Null(error);
        Assert.Equal(["etc", "etc/app.conf"], model.Paths());
        Assert.True(model.TrySetFilter("c/ke", out _)); // no special characters: a plain substring
        Assert.Equal(["etc", "etc/keep"], model.Paths());
        Assert.True(model.TrySetFilter("^opt$", out _));
        Assert.Equal(["opt"], model.Paths());
        Assert.True(model.TrySetFilter("new|big", out _));
        Assert.Equal(["opt", "opt/new", "tmp", "tmp/big.bin"], model.Paths());
        model.ShowRemoved = false;
        Assert.Equal(["opt", "opt/new"], model.Paths());
        model.At(2, TreeScope.Layer);
        Assert.Equal(["opt", "opt/new"], model.Paths());
        Assert.True(model.TrySetFilter(null, out _));
        Assert.Null(model.Filter);
        Assert.Equal(6, model.RowCount);
    }

    [Fact]
    public void An_invalid_expression_is_refused_with_a_reason_and_the_filter_stays()
    {
        var model = new ExplorerModel(Image).At(1, TreeScope.Aggregated);
        Assert.True(model.TrySetFilter("new", out _));

        Assert.False(model.TrySetFilter("(", out var error));
        Assert.Contains("filter '('", error);
        Assert.Equal("new", model.Filter);
        Assert.Equal(["opt", "opt/new"], model.Paths());

        // Backreferences need backtracking, which a pattern typed by the user does not get.
        Assert.False(model.TrySetFilter(@"(a)\1", out error));
        Assert.Contains(@"filter '(a)\1'", error);
    }

    [Fact]
    public void Folders_collapse_one_at_a_time_or_all_at_once_and_each_tree_keeps_its_own()
    {
        var model = new ExplorerModel(Image).At(1, TreeScope.Aggregated);

        model.ToggleCollapsed(model.RowIndex("etc"));
        Assert.Equal(["data", "data/one", "data/two", "etc", "opt", "opt/new", "tmp", "tmp/big.bin"], model.Paths());
        Assert.True(model.Row("etc").Collapsed);
        model.ToggleCollapsed(model.RowIndex("opt/new")); // a file: nothing happens
        Assert.Equal(8, model.RowCount);

        model.At(0, TreeScope.Layer);
        Assert.Equal(8, model.RowCount); // layer 0's tree is not collapsed
        model.At(1, TreeScope.Aggregated);
        Assert.True(model.Row("etc").Collapsed);

        model.ToggleCollapseAll();
        Assert.Equal(["data", "etc", "opt", "tmp"], model.Paths());
        Assert.All(model.Rows(0, 4), r => Assert.True(r.Collapsed));
        model.ToggleCollapseAll();
        Assert.Equal(10, model.RowCount);
    }

    [Fact]
    public void Reveal_expands_the_parents_and_returns_the_row_or_null_when_the_path_does_not_show()
    {
        var model = new ExplorerModel(Image).At(1, TreeScope.Aggregated);
        model.ToggleCollapseAll();

        Assert.Equal(4, model.Reveal("/tmp/big.bin"));
        Assert.Equal(["data", "etc", "opt", "tmp", "tmp/big.bin"], model.Paths());
        Assert.Null(model.Reveal("nowhere/at/all"));
        model.ShowRemoved = false;
        Assert.Null(model.Reveal("tmp/big.bin"));
        model.Sort = TreeSort.Size;
        model.ToggleCollapseAll(); // some were still collapsed: collapse all
        model.ToggleCollapseAll();
        Assert.Equal(2, model.Reveal("etc/keep"));
    }

    [Fact]
    public void Waste_lists_dead_files_and_duplicates_largest_first_with_the_layer_to_jump_to()
    {
        var model = new ExplorerModel(Image);

        Assert.Equal(
            [
                ("tmp/big.bin", 500L, 0), ("etc/app.conf", 100L, 0), ("etc/app.conf", 30L, 1), ("data/two", 22L, 0),
                ("data/one", 11L, 0), ("etc/keep", 7L, 0), ("opt/new", 5L, 1),
            ],
            model.Waste.Select(w => (w.Path, w.Bytes, w.Layer)));
        Assert.Contains("duplicate", model.Waste[2].Description);
        Assert.Contains("/srv/copy", model.Waste[2].Description);
        Assert.Contains("layer 2", model.Waste[^1].Description);

        var dead = model.Waste[^1];
        model.At(dead.Layer, TreeScope.Layer);
        model.ToggleCollapseAll();
        var row = model.Reveal(dead.Path);
        Assert.Equal(3, row);
        Assert.Equal(2, model.Rows(row!.Value, 1)[0].KilledBy);
    }

    [Fact]
    public void Rows_returns_a_window_and_fewer_at_the_end()
    {
        var model = new ExplorerModel(Image).At(1, TreeScope.Aggregated);

        Assert.Equal(["etc/keep", "opt", "opt/new"], model.Rows(5, 3).Select(r => r.Path));
        Assert.Equal(["tmp/big.bin"], model.Rows(9, 5).Select(r => r.Path));
        Assert.Empty(model.Rows(10, 5));
        Assert.Equal("big.bin", model.Rows(9, 1)[0].Name);
    }

    [Fact]
    public void The_panes_figures_count_each_layers_changes_and_the_images_waste()
    {
        var model = new ExplorerModel(Image);

        var layer = model.Layers[1];
        Assert.Equal((1, 1, 2, 1), (layer.Added, layer.Modified, layer.Removed, layer.Unchanged));
        Assert.Equal(5, layer.DeadBytes);
        Assert.Equal("layer 1", layer.Command);
        Assert.StartsWith("sha256:", layer.Digest);
        Assert.Equal(640, model.Layers[0].DeadBytes);
        Assert.Equal(645, model.Image.DeadBytes);
        Assert.Equal(30, model.Image.DuplicateBytes);
    }

    [Theory]
    [InlineData("(a*)*q")]
    [InlineData("(x+x+)+y")]
    [InlineData("a{1000}{1000}")]
    [InlineData(".{65535}")]
    public void A_pathological_pattern_is_refused_or_matched_without_backtracking(string pattern)
    {
        var model = new ExplorerModel(Image).At(1, TreeScope.Aggregated);

        if (model.TrySetFilter(pattern, out var error))
        {
            Assert.Equal(0, model.RowCount); // no path of the image matches any of them
        }
        else
        {
            Assert.StartsWith($"filter '{pattern}' is not a usable regular expression: ", error);
            Assert.Null(model.Filter);
        }
    }
}
