using Strata.Analysis.Model;
using Strata.TestKit;

namespace Strata.Analysis.Tests;

public sealed class DeadBytesTests
{
    private static string Bytes(int count, char fill = 'x') => new(fill, count);

    [Fact]
    public void A_file_overwritten_by_a_later_layer_is_dead_and_names_its_killer()
    {
        var analysis = TestImages.Analyze(
            new LayerBuilder().Directory("etc").File("etc/app.conf", Bytes(100)),
            new LayerBuilder().File("etc/app.conf", Bytes(30, 'y')));

        var old = analysis.Entry(0, "etc/app.conf");
        Assert.Equal(1, old.KilledBy);
        Assert.Equal(DeathCause.Overwritten, old.Cause);
        Assert.False(analysis.Entry(1, "etc/app.conf").IsDead);
        Assert.Equal(100, analysis.DeadBytes);
        Assert.Equal(30, analysis.LiveBytes);
        Assert.Equal([100L, 0L], analysis.Layers.Select(l => l.DeadBytes));
        Assert.Equal(ChangeKind.Modified, analysis.Entry(1, "etc/app.conf").Change);
    }

    [Fact]
    public void A_whiteout_kills_the_file_it_names()
    {
        var analysis = TestImages.Analyze(
            new LayerBuilder().File("tmp/big.bin", Bytes(500)).File("tmp/keep", Bytes(7)),
            new LayerBuilder().Whiteout("tmp/big.bin"));

        Assert.Equal(500, analysis.DeadBytes);
        Assert.Equal(DeathCause.WhitedOut, analysis.Entry(0, "tmp/big.bin").Cause);
        Assert.False(analysis.Entry(0, "tmp/keep").IsDead);
        Assert.Equal(ChangeKind.Removed, analysis.Entry(1, "tmp/big.bin").Change);
    }

    [Fact]
    public void Whiting_out_an_ancestor_kills_everything_below_it_which_dive_misses()
    {
        var analysis = TestImages.Analyze(
            new LayerBuilder().Directory("root/example").File("root/example/a", Bytes(10)).File("root/example/deep/b", Bytes(20)),
            new LayerBuilder().Whiteout("root/example"));

        Assert.Equal(30, analysis.DeadBytes);
        Assert.All(analysis.DeadFiles, d => Assert.Equal(1, d.KilledBy));
        Assert.Equal(["root/example/deep/b", "root/example/a"], analysis.DeadFiles.Select(d => d.Path));
    }

    [Fact]
    public void An_opaque_folder_hides_what_lower_layers_stored_there_but_not_its_own_entries()
    {
        var analysis = TestImages.Analyze(
            new LayerBuilder().Directory("var/cache").File("var/cache/old", Bytes(64)).File("var/other", Bytes(8)),
            new LayerBuilder().Directory("var/cache").File("var/cache/new", Bytes(16)).Opaque("var/cache"));

        Assert.Equal(64, analysis.DeadBytes);
        Assert.Equal(DeathCause.HiddenByOpaque, analysis.Entry(0, "var/cache/old").Cause);
        Assert.False(analysis.Entry(1, "var/cache/new").IsDead);
        Assert.False(analysis.Entry(0, "var/other").IsDead);
    }

    [Fact]
    public void Replacing_a_folder_with_a_file_kills_the_folders_contents()
    {
        var analysis = TestImages.Analyze(
            new LayerBuilder().Directory("data").File("data/one", Bytes(11)).File("data/two", Bytes(22)),
            new LayerBuilder().File("data", Bytes(3)));

        Assert.Equal(33, analysis.DeadBytes);
        Assert.Equal(DeathCause.AncestorReplaced, analysis.Entry(0, "data/one").Cause);
        Assert.Equal(3, analysis.LiveBytes);
    }

    [Fact]
    public void A_file_where_a_later_layer_needs_a_folder_is_replaced_by_the_folder()
    {
        var analysis = TestImages.Analyze(
            new LayerBuilder().File("opt", Bytes(40)),
            new LayerBuilder().File("opt/tool", Bytes(5)));

        Assert.Equal(40, analysis.DeadBytes);
        Assert.Equal(DeathCause.AncestorReplaced, analysis.Entry(0, "opt").Cause);
        Assert.Equal(1, analysis.Entry(0, "opt").KilledBy);
    }

    [Fact]
    public void The_same_path_twice_in_one_layer_keeps_the_last_and_the_first_copy_is_dead()
    {
        var analysis = TestImages.Analyze(new LayerBuilder().File("f", Bytes(9)).File("f", Bytes(4, 'z')));

        Assert.Equal(9, analysis.DeadBytes);
        Assert.Equal(0, analysis.Layers[0].Entries[0].KilledBy);
        Assert.False(analysis.Layers[0].Entries[1].IsDead);
    }

    [Fact]
    public void A_hardlink_keeps_its_target_bytes_alive_after_the_original_name_is_removed()
    {
        var analysis = TestImages.Analyze(
            new LayerBuilder().File("bin/tool", Bytes(50)).Hardlink("bin/alias", "bin/tool"),
            new LayerBuilder().Whiteout("bin/tool"));

        Assert.Equal(0, analysis.DeadBytes);

        var both = TestImages.Analyze(
            new LayerBuilder().File("bin/tool", Bytes(50)).Hardlink("bin/alias", "bin/tool"),
            new LayerBuilder().Whiteout("bin/tool").Whiteout("bin/alias"));
        Assert.Equal(50, both.DeadBytes);
    }

    [Fact]
    public void Unchanged_rewrites_are_reported_as_unchanged_and_chmod_as_modified()
    {
        var analysis = TestImages.Analyze(
            new LayerBuilder().File("a", "same").File("b", "same"),
            new LayerBuilder().File("a", "same").File("b", "same", (UnixFileMode)0x1ED));

        Assert.Equal(ChangeKind.Unchanged, analysis.Entry(1, "a").Change);
        Assert.Equal(ChangeKind.Modified, analysis.Entry(1, "b").Change);
        Assert.Equal(ChangeKind.Added, analysis.Entry(0, "a").Change);
    }

    [Fact]
    public void Duplicates_count_visible_copies_and_exclude_hardlinks_and_dead_copies()
    {
        var analysis = TestImages.Analyze(
            new LayerBuilder().File("a/one", Bytes(100)).File("a/two", Bytes(100)).Hardlink("a/link", "a/one").File("gone", Bytes(100)),
            new LayerBuilder().File("b/three", Bytes(100)).Whiteout("gone").File("other", Bytes(100, 'q')));

        var group = Assert.Single(analysis.Duplicates);
        Assert.Equal(["/a/one", "/a/two", "/b/three"], group.Paths);
        Assert.Equal(200, group.WastedBytes);
        Assert.Equal(200, analysis.DuplicateBytes);
    }

    [Fact]
    public void Symlink_loops_are_content_not_a_hang()
    {
        var analysis = TestImages.Analyze(
            new LayerBuilder().Symlink("a", "b").Symlink("b", "a").Symlink("self", "self").File("c", "x"));

        Assert.Equal(4, analysis.Layers[0].Entries.Count);
        Assert.Equal("b", analysis.Entry(0, "a").LinkTarget);
    }
}
