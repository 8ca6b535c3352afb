using System.Formats.Tar;
using Strata.Analysis.Model;
using Strata.TestKit;

namespace Strata.Analysis.Tests;

/// <summary>Tar entries as real images have them, in every header format.</summary>
public sealed class TarEntryTests
{
    private static readonly string LongName = string.Join('/', Enumerable.Repeat("a-rather-long-folder-name", 12)) + "/file.txt";

    [Theory]
    [InlineData(TarEntryFormat.Pax)]
    [InlineData(TarEntryFormat.Gnu)]
    public void Long_names_and_links_survive_pax_and_gnu_headers(TarEntryFormat format)
    {
        var analysis = TestImages.Analyze(new LayerBuilder { Format = format }
            .File(LongName, "content")
            .Symlink("link", LongName)
            .Hardlink("hard", LongName));

        var entries = analysis.Layers[0].Entries;
        Assert.Equal(LongName, entries[0].Path);
        Assert.Equal(EntryKind.File, entries[0].Kind);
        Assert.Equal(LongName, entries[1].LinkTarget);
        Assert.Equal((EntryKind.Hardlink, LongName), (entries[2].Kind, entries[2].LinkTarget));
    }

    [Fact]
    public void V7_and_ustar_headers_read_and_dot_slash_prefixes_are_dropped()
    {
        var v7 = TestImages.Analyze(new LayerBuilder { Format = TarEntryFormat.V7 }.File("./etc/hosts", "127.0.0.1"));
        var ustar = TestImages.Analyze(new LayerBuilder { Format = TarEntryFormat.Ustar }.Directory("./").File("./etc/hosts", "127.0.0.1"));

        Assert.Equal(("etc/hosts", EntryKind.File, (byte)'0'), Describe(v7.Layers[0].Entries[0]));
        var only = Assert.Single(ustar.Layers[0].Entries);
        Assert.Equal(("etc/hosts", EntryKind.File, (byte)'0'), Describe(only));
        Assert.Equal(v7.Layers[0].Entries[0].ContentHash, only.ContentHash);
    }

    [Fact]
    public void Devices_fifos_and_owners_are_kept()
    {
        var analysis = TestImages.Analyze(new LayerBuilder()
            .Raw(TarEntryType.CharacterDevice, "dev/null")
            .Raw(TarEntryType.BlockDevice, "dev/sda")
            .Fifo("run/pipe")
            .File("home/user/.profile", "x", uid: 1000));

        Assert.Equal(
            [EntryKind.CharDevice, EntryKind.BlockDevice, EntryKind.Fifo, EntryKind.File],
            analysis.Layers[0].Entries.Select(e => e.Kind));
        Assert.Equal(1000, analysis.Layers[0].Entries[3].Uid);
    }

    [Fact]
    public void Large_files_stream_without_being_held_and_hash_by_content()
    {
        var big = new byte[3 * 1024 * 1024 + 17];
        new Random(7).NextBytes(big);
        var analysis = TestImages.Analyze(
            new LayerBuilder().File("big", big).File("copy", big),
            new LayerBuilder().File("big", big.Reverse().ToArray()));

        var entries = analysis.Layers[0].Entries;
        Assert.Equal(big.Length, entries[0].Size);
        Assert.Equal(entries[0].ContentHash, entries[1].ContentHash);
        Assert.NotEqual(entries[0].ContentHash, analysis.Layers[1].Entries[0].ContentHash);
        Assert.Equal(ChangeKind.Modified, analysis.Layers[1].Entries[0].Change);
    }

    private static (string, EntryKind, byte) Describe(FileEntry entry) => (entry.Path, entry.Kind, entry.TypeFlag);
}
