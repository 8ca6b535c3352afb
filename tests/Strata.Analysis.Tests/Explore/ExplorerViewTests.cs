using Strata.Analysis.Explore;
using Strata.Analysis.Model;

namespace Strata.Analysis.Tests.Explore;

/// <summary>The trees of <see cref="HandMadeImage"/>, per layer and aggregated, with marks, sizes and dead bytes worked out by hand.</summary>
public sealed class ExplorerViewTests
{
    private static readonly ImageAnalysis Image = HandMadeImage.Analyze();

    [Fact]
    public void The_first_layers_own_tree_is_all_added_with_its_dead_files_and_their_killers()
    {
        var model = new ExplorerModel(Image).At(0, TreeScope.Layer);

        Assert.Equal(
            ["data A", "data/one A", "data/two A", "etc A", "etc/app.conf A", "etc/keep A", "tmp A", "tmp/big.bin A"],
            model.Marked());
        Assert.Equal(1, model.Row("etc/app.conf").KilledBy);
        Assert.Equal(2, model.Row("etc/keep").KilledBy);
        Assert.Equal(1, model.Row("tmp/big.bin").KilledBy);
        Assert.Equal(500, model.Row("tmp/big.bin").DeadBytes);
        Assert.Equal((107L, 107L), (model.Row("etc").Size, model.Row("etc").DeadBytes));
        Assert.Equal((33L, 33L), (model.Row("data").Size, model.Row("data").DeadBytes));
        Assert.Equal([0, 1, 1, 0, 1, 1, 0, 1], model.Rows(0, 100).Select(r => r.Depth));
    }

    [Fact]
    public void A_layers_own_tree_shows_its_changes_and_what_its_whiteouts_removed()
    {
        var model = new ExplorerModel(Image).At(1, TreeScope.Layer);

        // etc and tmp were there below (tmp only implied here): modified by what changed in them; opt is new.
        Assert.Equal(["data R", "etc M", "etc/app.conf M", "opt A", "opt/new A", "tmp M", "tmp/big.bin R"], model.Marked());
        var big = model.Row("tmp/big.bin");
        Assert.Equal((EntryKind.File, 500L), (big.Kind, big.Size));
        var data = model.Row("data");
        Assert.Equal((EntryKind.Directory, 33L), (data.Kind, data.Size));
        Assert.Null(big.KilledBy);
        Assert.Equal((5L, 5L, 2), (model.Row("opt/new").Size, model.Row("opt/new").DeadBytes, model.Row("opt/new").KilledBy!.Value));
        Assert.Equal((5L, 5L), (model.Row("opt").Size, model.Row("opt").DeadBytes));
        Assert.Equal(0, model.Row("tmp").Size); // what a layer removes is not in it
        Assert.Equal(30, model.Row("etc").Size);
    }

    [Fact]
    public void A_byte_for_byte_rewrite_is_unchanged_in_its_layer()
    {
        var model = new ExplorerModel(Image).At(2, TreeScope.Layer);

        Assert.Equal(["etc U", "etc/keep U", "opt M", "opt/new M", "srv A", "srv/copy A"], model.Marked());
        Assert.Equal(0, model.Row("etc/keep").DeadBytes);
    }

    [Fact]
    public void The_aggregated_view_merges_the_layers_below_and_marks_what_the_layer_removed()
    {
        var model = new ExplorerModel(Image).At(1, TreeScope.Aggregated);

        Assert.Equal(
            ["data R", "data/one R", "data/two R", "etc M", "etc/app.conf M", "etc/keep U", "opt A", "opt/new A", "tmp M", "tmp/big.bin R"],
            model.Marked());
        Assert.Equal(33, model.Row("data").Size);
        Assert.Equal(37, model.Row("etc").Size);
        Assert.Equal(7, model.Row("etc").DeadBytes); // layer 0's etc/keep, rewritten by layer 2
        Assert.Equal(0, model.Row("tmp").Size);
        Assert.Equal(500, model.Row("tmp").DeadBytes);
    }

    [Fact]
    public void Removed_paths_are_gone_from_the_aggregated_view_of_the_next_layer()
    {
        var model = new ExplorerModel(Image).At(2, TreeScope.Aggregated);

        Assert.Equal(
            ["etc U", "etc/app.conf U", "etc/keep U", "opt M", "opt/new M", "srv A", "srv/copy A", "tmp U"],
            model.Marked());
        Assert.Equal(6, model.Row("opt/new").Size);
    }

    [Fact]
    public void Switching_layer_and_view_back_and_forth_shows_each_tree_again()
    {
        var model = new ExplorerModel(Image).At(2, TreeScope.Aggregated);
        _ = model.RowCount;
        model.At(0, TreeScope.Aggregated);
        Assert.Equal(8, model.RowCount);
        Assert.All(model.Rows(0, 8), r => Assert.Equal(ChangeKind.Added, r.Change));
        model.At(1, TreeScope.Layer);
        Assert.Equal(7, model.RowCount);
        model.At(1, TreeScope.Aggregated);
        Assert.Equal(10, model.RowCount);
    }

    [Fact]
    public void Each_mark_can_be_hidden_and_a_folder_stays_while_something_in_it_shows()
    {
        var model = new ExplorerModel(Image).At(1, TreeScope.Aggregated);

        model.ShowUnchanged = false;
        Assert.Equal(["data", "data/one", "data/two", "etc", "etc/app.conf", "opt", "opt/new", "tmp", "tmp/big.bin"], model.Paths());
        model.ShowRemoved = false;
        Assert.Equal(["etc", "etc/app.conf", "opt", "opt/new", "tmp"], model.Paths());
        model.ShowUnchanged = model.ShowRemoved = true;
        model.ShowModified = false;
        Assert.Equal(["data", "data/one", "data/two", "etc", "etc/keep", "opt", "opt/new", "tmp", "tmp/big.bin"], model.Paths());
        model.ShowModified = true;
        model.ShowAdded = false;
        Assert.Equal(["data", "data/one", "data/two", "etc", "etc/app.conf", "etc/keep", "tmp", "tmp/big.bin"], model.Paths());
        model.ShowAdded = model.ShowModified = model.ShowRemoved = model.ShowUnchanged = false;
        Assert.Equal(0, model.RowCount);
    }

    [Fact]
    public void Sorting_by_size_puts_the_largest_first_at_every_level_folders_included()
    {
        var model = new ExplorerModel(Image).At(0, TreeScope.Layer);
        model.Sort = TreeSort.Size;
        Assert.Equal(["tmp", "tmp/big.bin", "etc", "etc/app.conf", "etc/keep", "data", "data/two", "data/one"], model.Paths());

        model.At(1, TreeScope.Aggregated);
        Assert.Equal(
            ["etc", "etc/app.conf", "etc/keep", "data", "data/two", "data/one", "opt", "opt/new", "tmp", "tmp/big.bin"],
            model.Paths());
        model.Sort = TreeSort.Name;
        Assert.Equal("data", model.Paths()[0]);
    }

    [Fact]
    public void A_removed_path_shows_as_what_it_was_below_or_as_a_whiteout_when_nothing_was()
    {
        var image = TestImages.Analyze(
            new TestKit.LayerBuilder().Directory("empty").Symlink("link", "empty").File("file", "12345"),
            new TestKit.LayerBuilder().Whiteout("empty").Whiteout("link").Whiteout("never").Whiteout("file"));
        var model = new ExplorerModel(image).At(1, TreeScope.Layer);

        Assert.Equal(["empty R", "file R", "link R", "never R"], model.Marked());
        Assert.Equal(
            [EntryKind.Directory, EntryKind.File, EntryKind.Symlink, EntryKind.Whiteout],
            model.Rows(0, 4).Select(r => r.Kind));
        Assert.Equal([0L, 5L, 0L, 0L], model.Rows(0, 4).Select(r => r.Size));

        model.Scope = TreeScope.Aggregated;
        Assert.Equal(["empty R", "file R", "link R"], model.Marked()); // nothing was at "never"
    }

    [Fact]
    public void The_last_shown_child_of_each_folder_is_marked_for_the_guide_lines()
    {
        var model = new ExplorerModel(Image).At(1, TreeScope.Aggregated);
        string[] Last() => model.Rows(0, model.RowCount).Where(r => r.IsLastSibling).Select(r => r.Path).ToArray();

        Assert.Equal(["data/two", "etc/keep", "opt/new", "tmp", "tmp/big.bin"], Last());
        model.ShowUnchanged = false;
        Assert.Equal(["data/two", "etc/app.conf", "opt/new", "tmp", "tmp/big.bin"], Last());
        model.Sort = TreeSort.Size; // etc, data, opt, tmp; in data: two, one
        Assert.Equal(["etc/app.conf", "data/one", "opt/new", "tmp", "tmp/big.bin"], Last());
    }
}
