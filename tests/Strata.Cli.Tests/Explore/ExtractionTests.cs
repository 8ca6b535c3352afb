using Strata.Cli.Explore;
using Strata.Images;
using Strata.Images.Model;
using Strata.Images.Sources;
using Strata.TestKit;

namespace Strata.Cli.Tests.Explore;

/// <summary>
/// ctrl+e's extraction: the selected file's bytes, streamed from its layer into the folder the user named, and never
/// anywhere else, whatever the layer's names say.
/// </summary>
public sealed class ExtractionTests
{
    private static LayerBlob Layer(byte[] tar) => new(
        Index: 3, Location: "hand-made", ExpectedDigest: null, ExpectedSize: null, MediaType: null,
        DiffId: Digest.ComputeSha256(tar), CreatedBy: null, IsEStargz: false, StoredSize: tar.Length, Open: () => new MemoryStream(tar));

    [Fact]
    public void The_file_is_written_into_the_folder_with_its_bytes()
    {
        using var folder = new TempDirectory();
        var tar = new LayerBuilder().Directory("etc").File("etc/other", "not this").File("./etc/motd", "hello from the layer\n").ToTar();

        var written = FileExtractor.Extract(Layer(tar), "etc/motd", folder.Path, 1 << 20, TestContext.Current.CancellationToken);

        Assert.Equal(folder.File("motd"), written);
        Assert.Equal("hello from the layer\n", File.ReadAllText(written));
        // Only the file itself: no temporary file is left beside it.
        Assert.Equal(["motd"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("etc/../../outside")]
    [InlineData("/etc/passwd")]
    [InlineData("etc/..")]
    [InlineData("etc/.")]
    [InlineData("etc/")]
    public void A_path_that_could_leave_the_folder_is_refused_and_nothing_is_written(string path)
    {
        using var parent = new TempDirectory();
        var folder = Directory.CreateDirectory(parent.File("out")).FullName;
        var tar = new LayerBuilder().Raw(System.Formats.Tar.TarEntryType.RegularFile, path, "escaped"u8.ToArray()).ToTar();

        var error = Assert.Throws<StrataException>(() => FileExtractor.Extract(Layer(tar), path, folder, 1 << 20, TestContext.Current.CancellationToken));

        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
        Assert.Equal(["out"], Directory.GetFileSystemEntries(parent.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_link_at_the_target_name_is_replaced_not_followed()
    {
        using var parent = new TempDirectory();
        var folder = Directory.CreateDirectory(parent.File("out")).FullName;
        var victim = parent.File("victim");
        File.WriteAllText(victim, "untouched");
        File.CreateSymbolicLink(Path.Combine(folder, "motd"), victim);
        var tar = new LayerBuilder().File("etc/motd", "from the image").ToTar();

        FileExtractor.Extract(Layer(tar), "etc/motd", folder, 1 << 20, TestContext.Current.CancellationToken);

        Assert.Equal("untouched", File.ReadAllText(victim));
        Assert.Null(new FileInfo(Path.Combine(folder, "motd")).LinkTarget);
        Assert.Equal("from the image", File.ReadAllText(Path.Combine(folder, "motd")));
    }

    [Fact]
    public void A_folder_that_does_not_exist_or_a_file_not_in_the_layer_is_an_error_naming_it()
    {
        using var parent = new TempDirectory();
        var tar = new LayerBuilder().File("etc/motd", "x").Symlink("etc/link", "motd").ToTar();

        var noFolder = Assert.Throws<StrataException>(() => FileExtractor.Extract(Layer(tar), "etc/motd", parent.File("missing"), 1 << 20, TestContext.Current.CancellationToken));
        var notStored = Assert.Throws<StrataException>(() => FileExtractor.Extract(Layer(tar), "etc/absent", parent.Path, 1 << 20, TestContext.Current.CancellationToken));
        var notAFile = Assert.Throws<StrataException>(() => FileExtractor.Extract(Layer(tar), "etc/link", parent.Path, 1 << 20, TestContext.Current.CancellationToken));

        Assert.Contains("missing: no such folder", noFolder.Message, StringComparison.Ordinal);
        Assert.Equal("/etc/absent: not stored in layer 3", notStored.Message);
        Assert.Contains("/etc/link: not a regular file in layer 3", notAFile.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(parent.Path));
    }
}
