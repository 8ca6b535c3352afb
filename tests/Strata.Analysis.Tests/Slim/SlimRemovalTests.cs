using Strata.Analysis.Slim;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Slim;

public sealed class SlimRemovalTests
{
    [Theory]
    [InlineData("var/lib/apt/lists/deb.debian.org_dists_bookworm_InRelease", true)]
    [InlineData("var/lib/apt/lists", false)]
    [InlineData("var/cache/apk/APKINDEX.tar.gz", true)]
    [InlineData("root/.cache/pip/wheel", true)]
    [InlineData("home/node/.npm/_cacache/index-v5/aa", true)]
    [InlineData("home/node/.npm/config", false)]
    [InlineData("tmp/build.log", true)]
    [InlineData("tmp", false)]
    [InlineData("var/lib/dpkg/status", false)]
    public void Caches_are_the_package_manager_folders_contents(string path, bool removed) =>
        Assert.Equal(removed, PathRemovals.Caches.Matches(path));

    [Theory]
    [InlineData("usr/share/doc/libc6/changelog.Debian.gz", true)]
    [InlineData("usr/share/doc/libc6/copyright", false)]
    [InlineData("usr/share/doc/zlib/LICENSE", false)]
    [InlineData("usr/share/man/man1/ls.1.gz", true)]
    [InlineData("usr/share/info/dir", true)]
    [InlineData("usr/share/docs/readme", false)]
    public void Docs_spare_copyright_files(string path, bool removed) =>
        Assert.Equal(removed, PathRemovals.Docs.Matches(path));

    [Theory]
    [InlineData("usr/share/locale/de/LC_MESSAGES/tar.mo", true)]
    [InlineData("usr/share/locale/en_GB/LC_MESSAGES/tar.mo", false)]
    [InlineData("usr/share/locale/en@quot/LC_MESSAGES/tar.mo", false)]
    [InlineData("usr/share/locale/locale.alias", false)]
    [InlineData("usr/lib/locale/C.utf8/LC_CTYPE", false)]
    [InlineData("usr/lib/locale/fr_FR.utf8/LC_CTYPE", true)]
    [InlineData("usr/lib/locale/locale-archive", false)]
    public void Locales_keep_the_ones_named_and_C(string path, bool removed) =>
        Assert.Equal(removed, PathRemovals.Locales(["en"]).Matches(path));

    [Theory]
    [InlineData("/opt/app/*.map", "opt/app/main.js.map", true)]
    [InlineData("/opt/app/*.map", "opt/app/sub/x.map", false)]
    [InlineData("/opt/**/*.map", "opt/app/sub/x.map", true)]
    [InlineData("/usr/share/fonts", "usr/share/fonts/dejavu/a.ttf", true)]
    [InlineData("/usr/share/fonts", "usr/share/fontsx", false)]
    public void Globs_match_parts_and_whole_folders(string glob, string path, bool removed) =>
        Assert.Equal(removed, PathRemovals.Glob(glob).Matches(path));

    [Fact]
    public void A_removal_drops_the_visible_files_records_their_bytes_and_keeps_folders_that_still_hold_something()
    {
        using var image = new SlimHarness(
            new LayerBuilder().Directory("usr/share/doc").Directory("usr/share/doc/pkg")
                .File("usr/share/doc/pkg/README", new string('r', 700)).File("usr/share/doc/pkg/copyright", "GPL")
                .Directory("usr/share/doc/gone").File("usr/share/doc/gone/NEWS", new string('n', 300)),
            new LayerBuilder().File("app", "a"));

        var plan = image.Plan(new SlimOptions { Removals = [PathRemovals.Docs] });
        var output = image.OutputTars(plan);

        Assert.Equal(
            [("usr/share/doc/gone", 0L), ("usr/share/doc/gone/NEWS", 300L), ("usr/share/doc/pkg/README", 700L)],
            plan.Removed.Select(r => (r.Path, r.Bytes)).OrderBy(r => r.Path, StringComparer.Ordinal));
        Assert.Equal(1000, plan.RemovedBytes);
        Assert.All(plan.Removed, r => Assert.Equal("docs", r.Reason));
        Assert.Equal(["usr/share/doc", "usr/share/doc/pkg", "usr/share/doc/pkg/copyright"], SlimHarness.Names(output[0]));
        var expected = TinyOverlay.Merge(image.Tars);
        foreach (var removed in plan.Removed)
        {
            expected.Remove(removed.Path);
        }
        Assert.Equal(expected, TinyOverlay.Merge(output));
    }

    [Fact]
    public void Base_layers_keep_their_files_whatever_the_removals()
    {
        using var image = new SlimHarness(
            new LayerBuilder().File("tmp/base-cache", "b"),
            new LayerBuilder().File("tmp/app-cache", "c"));

        var plan = image.Plan(new SlimOptions { BaseLayers = 1, Removals = [PathRemovals.Caches] });

        Assert.Equal("tmp/app-cache", Assert.Single(plan.Removed).Path);
        Assert.Equal(0, plan.Layers[0].CopiedFrom);
        Assert.True(plan.SourceLayers[1].Emptied);
    }

    [Fact]
    public void A_path_the_base_also_holds_is_whited_out_where_the_removed_copy_was_and_the_base_stays_as_it_was()
    {
        using var image = new SlimHarness(
            new LayerBuilder().Directory("tmp").File("tmp/shared", "base copy").Directory("var/cache/apt").File("var/cache/apt/pkgcache.bin", "base"),
            new LayerBuilder().File("tmp/shared", "app copy!").File("app", "a"),
            new LayerBuilder().Directory("var/cache/apt").File("var/cache/apt/pkgcache.bin", "newer cache"));

        var plan = image.Plan(new SlimOptions { BaseLayers = 1, Removals = [PathRemovals.Caches] });
        var output = image.OutputTars(plan);

        Assert.Empty(plan.Warnings);
        Assert.Equal(
            [("tmp/shared", 9L, true), ("var/cache/apt/pkgcache.bin", 11L, true)],
            plan.Removed.Select(r => (r.Path, r.Bytes, r.WhitedOut)).OrderBy(r => r.Path, StringComparer.Ordinal));
        Assert.Equal(image.Tars[0], output[0]);
        Assert.Equal(["tmp/.wh.shared", "app"], SlimHarness.Names(output[1]));
        Assert.Equal(["var/cache/apt/.wh.pkgcache.bin", "var/cache/apt"], SlimHarness.Names(output[2]));
        var expected = TinyOverlay.Merge(image.Tars);
        expected.Remove("tmp/shared");
        expected.Remove("var/cache/apt/pkgcache.bin");
        Assert.Equal(expected, TinyOverlay.Merge(output));
    }

    [Fact]
    public void A_removed_file_a_kept_hard_link_still_shows_frees_no_bytes()
    {
        using var image = new SlimHarness(
            new LayerBuilder().File("tmp/data", new string('d', 4000)).Hardlink("srv/data", "tmp/data").File("tmp/other", new string('o', 100)));

        var plan = image.Plan(new SlimOptions { Removals = [PathRemovals.Caches] });
        var output = image.OutputTars(plan);

        Assert.Equal([("tmp/data", 0L), ("tmp/other", 100L)], plan.Removed.Select(r => (r.Path, r.Bytes)).OrderBy(r => r.Path, StringComparer.Ordinal));
        // The link carries the 4000 bytes itself now.
        var link = Assert.Single(TinyOverlay.Read(output[0]), e => e.Name == "srv/data");
        Assert.Equal(("file", TinyOverlay.Hash(new string('d', 4000))), (link.Node.Type, link.Node.Content));
    }
}
