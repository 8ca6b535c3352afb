using Strata.Analysis.Model;
using Strata.Analysis.Proof;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Proof;

public sealed class FileSystemProofTests
{
    private static IReadOnlyList<PathDifference> Compare(LayerBuilder[] source, LayerBuilder[] output, params string[] removed) =>
        FileSystemProof.Compare(TestImages.Analyze(source).Layers, TestImages.Analyze(output).Layers, removed);

    [Fact]
    public void Overwritten_deleted_and_opaque_hidden_entries_may_go_when_what_shows_is_the_same()
    {
        var source = new[]
        {
            new LayerBuilder().Directory("app").File("app/a", "old").File("app/gone", "x").Directory("d").File("d/hidden", "h"),
            new LayerBuilder().File("app/a", "new").Whiteout("app/gone").Opaque("d").File("d/shown", "s"),
        };
        var output = new[]
        {
            new LayerBuilder().Directory("app").Directory("d"),
            new LayerBuilder().File("app/a", "new").File("d/shown", "s"),
        };

        Assert.Empty(Compare(source, output));
    }

    [Fact]
    public void Changed_content_and_mode_are_named_with_their_paths()
    {
        var source = new[] { new LayerBuilder().File("etc/conf", "abc").File("bin/tool", "t", (UnixFileMode)0x1ED) };
        var output = new[] { new LayerBuilder().File("etc/conf", "abd").File("bin/tool", "t", (UnixFileMode)0x1A4) };

        var differences = Compare(source, output);

        Assert.Equal(["bin/tool", "etc/conf"], differences.Select(d => d.Path));
        Assert.Equal("mode 755 → 644", differences[0].What);
        Assert.Equal("content", differences[1].What);
    }

    [Fact]
    public void A_path_missing_from_the_output_fails_unless_a_removal_took_it_or_a_folder_above_it()
    {
        var source = new[] { new LayerBuilder().Directory("var").Directory("var/cache").File("var/cache/x/big", "b").File("keep", "k") };
        var output = new[] { new LayerBuilder().Directory("var").Directory("var/cache") };

        Assert.Equal([new PathDifference("keep", "missing from the output")], Compare(source, output, "/var/cache/x"));
        Assert.Equal(["keep", "var/cache/x", "var/cache/x/big"], Compare(source, output).Select(d => d.Path));
    }

    [Fact]
    public void A_path_only_the_output_has_fails()
    {
        var source = new[] { new LayerBuilder().File("a", "1") };
        var output = new[] { new LayerBuilder().File("a", "1").Symlink("b", "a") };

        Assert.Equal([new PathDifference("b", "not in the source")], Compare(source, output));
    }

    [Fact]
    public void A_hard_link_whose_target_was_deleted_equals_a_regular_file_with_its_bytes()
    {
        var source = new[]
        {
            new LayerBuilder().File("lib/real", "shared bytes").Hardlink("lib/alias", "lib/real"),
            new LayerBuilder().Whiteout("lib/real"),
        };
        var output = new[] { new LayerBuilder().File("lib/alias", "shared bytes") };
        var wrong = new[] { new LayerBuilder().File("lib/alias", "other bytes!") };

        Assert.Empty(Compare(source, output));
        Assert.Equal("content", Assert.Single(Compare(source, wrong)).What);
    }

    [Fact]
    public void A_folder_replaced_by_a_file_and_back_shows_only_the_last_folder()
    {
        var source = new[]
        {
            new LayerBuilder().Directory("x").File("x/old", "o"),
            new LayerBuilder().File("x", "now a file"),
            new LayerBuilder().Directory("x", (UnixFileMode)0x1C0).File("x/new", "n"),
        };
        var output = new[] { new LayerBuilder().Directory("x", (UnixFileMode)0x1C0).File("x/new", "n") };

        Assert.Empty(Compare(source, output));
        var final = FinalFileSystem.Of(TestImages.Analyze(source).Layers).Entries();
        Assert.Equal(["x", "x/new"], final.Keys);
        Assert.Equal(EntryKind.Directory, final["x"].Kind);
        Assert.Equal(0x1C0, final["x"].Mode);
    }

    [Fact]
    public void A_hard_link_to_a_symlink_is_that_symlink_but_a_link_to_another_target_is_named()
    {
        var source = new[] { new LayerBuilder().Symlink("bin/sh", "dash").Hardlink("bin/sh2", "bin/sh") };
        var same = new[] { new LayerBuilder().Symlink("bin/sh", "dash").Symlink("bin/sh2", "dash") };
        var other = new[] { new LayerBuilder().Symlink("bin/sh", "dash").Symlink("bin/sh2", "bash") };

        Assert.Empty(Compare(source, same));
        var difference = Assert.Single(Compare(source, other));
        Assert.Equal(("bin/sh2", "link target 'dash' → 'bash'"), (difference.Path, difference.What));
    }
}
