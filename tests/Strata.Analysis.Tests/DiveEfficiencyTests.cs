using Strata.TestKit;

namespace Strata.Analysis.Tests;

/// <summary>dive's rules on hand-made layers, with the expected numbers worked out by hand from dive's algorithm.</summary>
public sealed class DiveEfficiencyTests
{
    private static string Bytes(int count) => new('x', count);

    [Fact]
    public void A_whited_out_folder_counts_its_whole_subtree_from_the_layers_below()
    {
        var analysis = TestImages.Analyze(
            new LayerBuilder().Directory("d").File("d/x", Bytes(100)).File("d/y", Bytes(50)),
            new LayerBuilder().Whiteout("d"),
            new LayerBuilder().File("d", Bytes(10)));

        // /d: whiteout sized 150 (its subtree below), then the file of 10: cumulative 160, minimum 10.
        var file = Assert.Single(analysis.Dive.InefficientFiles);
        Assert.Equal(("/d", 2, 160L, 10L), (file.Path, file.Count, file.CumulativeSize, file.MinimumSize));
        Assert.Equal((100.0 + 50 + 10) / (100 + 50 + 160), analysis.Dive.Efficiency);
        Assert.Equal(160, analysis.Dive.WastedBytes);
        Assert.Equal(10, analysis.Dive.UserSizeBytes);
    }

    [Fact]
    public void A_whiteout_of_a_path_not_below_stops_dive_visiting_that_layer_and_keeps_a_minimum_of_minus_one()
    {
        var analysis = TestImages.Analyze(
            new LayerBuilder().File("a", Bytes(10)),
            new LayerBuilder().Whiteout("nope").File("z", Bytes(5)));

        // ".wh.nope" sorts before "z": the failed lookup ends the layer, so z is never counted.
        Assert.Equal((10.0 - 1) / 10, analysis.Dive.Efficiency);
        Assert.Empty(analysis.Dive.InefficientFiles);
    }

    [Fact]
    public void Parents_dive_made_up_are_not_folders_so_whiting_them_out_counts_nothing()
    {
        var analysis = TestImages.Analyze(
            new LayerBuilder().File("p/q/file", Bytes(10)),
            new LayerBuilder().Whiteout("p"),
            new LayerBuilder().File("p", Bytes(4)));

        Assert.Equal(10.0 / 14, analysis.Dive.Efficiency);
        var file = Assert.Single(analysis.Dive.InefficientFiles);
        Assert.Equal(("/p", 4L, 0L), (file.Path, file.CumulativeSize, file.MinimumSize));
    }

    [Fact]
    public void Only_leaves_are_counted_and_an_image_without_bytes_is_fully_efficient()
    {
        var analysis = TestImages.Analyze(
            new LayerBuilder().Directory("a").Directory("a/b"),
            new LayerBuilder().Directory("a").Directory("a/b"));

        Assert.Equal(1.0, analysis.Dive.Efficiency);
        var leaf = Assert.Single(analysis.Dive.InefficientFiles);
        Assert.Equal("/a/b", leaf.Path);
    }

    [Fact]
    public void Opaque_markers_are_ignored_by_dive_but_count_for_dead_bytes()
    {
        var analysis = TestImages.Analyze(
            new LayerBuilder().Directory("c").File("c/old", Bytes(30)),
            new LayerBuilder().Directory("c").Opaque("c"));

        Assert.Equal(1.0, analysis.Dive.Efficiency);
        Assert.Equal(30, analysis.DeadBytes);
    }
}
