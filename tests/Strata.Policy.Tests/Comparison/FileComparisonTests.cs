using Strata.Analysis.Model;
using Strata.Policy.Comparison;
using Strata.Policy.Policies;
using Strata.TestKit;

namespace Strata.Policy.Tests.Comparison;

/// <summary>Each way a path can differ, made by hand on one shared base, and what the comparison calls it.</summary>
public sealed class FileComparisonTests
{
    private static LayerBuilder Base() => new LayerBuilder()
        .Directory("etc")
        .File("etc/same", "unchanged")
        .File("etc/content", "abc")
        .File("etc/size", "short")
        .File("etc/mode", "x", (UnixFileMode)0x1A4)
        .File("etc/owner", "x")
        .File("etc/gone", "12345")
        .Symlink("etc/link", "same")
        .File("etc/becomes-folder", "file first");

    [Fact]
    public async Task Added_removed_and_changed_paths_are_named_with_what_differs_and_modification_times_do_not_count()
    {
        using var images = new HandBuiltImages();
        var before = await images.AssessAsync(new OciImageBuilder().Layer(Base(), "ADD base /"));
        var after = await images.AssessAsync(new OciImageBuilder()
            .Layer(Base(), "ADD base /")
            .Layer(new LayerBuilder()
                // Rewritten with the same bytes, mode and owner: the same file (only its layer and mtime are new).
                .File("etc/same", "unchanged")
                .File("etc/content", "xyz")
                .File("etc/size", "much longer")
                .File("etc/mode", "x", (UnixFileMode)0x1ED)
                .File("etc/owner", "x", uid: 1000)
                .Whiteout("etc/gone")
                .Symlink("etc/link", "content")
                .Directory("etc/becomes-folder")
                .File("etc/becomes-folder/inside", "1234567"),
                "RUN change things"));

        var files = ImageComparer.Compare(before, after, PolicySet.Default).Files;

        Assert.Equal([new FileItem("etc/becomes-folder/inside", EntryKind.File, 7)], files.Added);
        Assert.Equal([new FileItem("etc/gone", EntryKind.File, 5)], files.Removed);
        var changed = files.Changed.ToDictionary(c => c.Path, c => c.Differences);
        Assert.Equal(["etc/becomes-folder", "etc/content", "etc/link", "etc/mode", "etc/owner", "etc/size"], files.Changed.Select(c => c.Path));
        Assert.Equal(["type", "size", "mode"], changed["etc/becomes-folder"]);
        Assert.Equal(["content"], changed["etc/content"]);
        Assert.Equal(["link target"], changed["etc/link"]);
        Assert.Equal(["mode"], changed["etc/mode"]);
        Assert.Equal(["owner"], changed["etc/owner"]);
        Assert.Equal(["size"], changed["etc/size"]);
        var size = files.Changed.Single(c => c.Path == "etc/size");
        Assert.Equal((5L, 11L), (size.SizeBefore, size.SizeAfter));
    }
}
