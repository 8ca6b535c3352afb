using System.Formats.Tar;
using Strata.Analysis.Slim;
using Strata.Images.Layers;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Slim;

public sealed class SlimRewriteTests
{
    private static readonly LayerCompressionOptions Plain = new(Compression.None);

    private static string Bytes(int count, char fill = 'x') => new(fill, count);

    private static void AssertSameFileSystem(SlimHarness image, List<byte[]> output) =>
        Assert.Equal(TinyOverlay.Merge(image.Tars), TinyOverlay.Merge(output));

    [Fact]
    public void Overwritten_deleted_and_opaque_hidden_entries_are_dropped_and_the_file_system_is_unchanged()
    {
        using var image = new SlimHarness(
            new LayerBuilder().Directory("etc").File("etc/a", Bytes(100)).File("etc/b", Bytes(50))
                .Directory("var/cache").File("var/cache/old", Bytes(64)).File("var/keep", "k"),
            new LayerBuilder().File("etc/a", Bytes(30, 'y')).Whiteout("etc/b")
                .Directory("var/cache").Opaque("var/cache").File("var/cache/new", "n"));

        var plan = image.Plan();
        var output = image.OutputTars(plan);

        Assert.Equal(2, output.Count);
        Assert.Equal(["etc", "var/keep"], SlimHarness.Names(output[0]));
        Assert.Equal(["etc/a", "var/cache", "var/cache/new"], SlimHarness.Names(output[1]));
        AssertSameFileSystem(image, output);
    }

    [Fact]
    public void A_folder_replaced_by_a_file_and_back_keeps_only_the_last_folder_and_empties_the_layers_below()
    {
        using var image = new SlimHarness(
            new LayerBuilder().Directory("opt").File("opt/x", Bytes(10)).File("opt/y", Bytes(20)),
            new LayerBuilder().Whiteout("opt").File("opt", "now a file"),
            new LayerBuilder().Whiteout("opt").Directory("opt").File("opt/z", "z"));

        var plan = image.Plan();
        var output = image.OutputTars(plan);

        Assert.Equal([null, null, 0], plan.SourceLayers.Select(f => f.OutputLayer));
        Assert.True(plan.SourceLayers[0].Emptied);
        Assert.Single(output);
        Assert.Equal(["opt", "opt/z"], SlimHarness.Names(output[0]));
        AssertSameFileSystem(image, output);
    }

    [Fact]
    public void A_hard_link_whose_target_is_deleted_becomes_the_file_and_later_links_point_at_it()
    {
        using var image = new SlimHarness(
            new LayerBuilder().File("usr/bin/tool", "TOOL", (UnixFileMode)0x1ED, uid: 7)
                .Hardlink("usr/bin/alias", "usr/bin/tool").Hardlink("usr/bin/alias2", "usr/bin/tool"),
            new LayerBuilder().Whiteout("usr/bin/tool"));

        var plan = image.Plan();
        var output = image.OutputTars(plan);

        Assert.Single(output);
        var entries = TinyOverlay.Read(output[0]);
        Assert.Equal(["usr/bin/alias", "usr/bin/alias2"], entries.Select(e => e.Name));
        Assert.Equal(new OverlayNode("file", 0x1ED, 7, 0, TinyOverlay.Hash("TOOL"), ""), entries[0].Node);
        Assert.Equal(("hardlink", "usr/bin/alias"), (entries[1].Node.Type, entries[1].Node.Link));
        AssertSameFileSystem(image, output);
    }

    [Fact]
    public void A_whiteout_of_a_path_no_lower_layer_has_is_dropped_even_above_an_untouched_base()
    {
        using var image = new SlimHarness(
            new LayerBuilder().File("etc/base", "b").File("etc/old", "o"),
            new LayerBuilder().Whiteout("ghost").Whiteout("etc/old").File("app", "a"));

        var plan = image.Plan(new SlimOptions { BaseLayers = 1 });
        var output = image.OutputTars(plan);

        Assert.Equal(0, plan.Layers[0].CopiedFrom);
        Assert.Equal(image.Tars[0], output[0]);
        // The whiteout of etc/old still hides a file of the untouched base; the ghost's hides nothing.
        Assert.Equal(["etc/.wh.old", "app"], SlimHarness.Names(output[1]));
        AssertSameFileSystem(image, output);
    }

    [Fact]
    public void A_chmod_only_change_of_a_big_file_drops_the_earlier_copy_and_keeps_the_new_one()
    {
        var big = Bytes(1 << 20);
        using var image = new SlimHarness(
            new LayerBuilder().Directory("bin").File("bin/big", big),
            new LayerBuilder().File("bin/big", big, (UnixFileMode)0x1ED));

        var plan = image.Plan();
        var output = image.OutputTars(plan);

        Assert.Equal(["bin"], SlimHarness.Names(output[0]));
        var kept = Assert.Single(TinyOverlay.Read(output[1]));
        Assert.Equal(("bin/big", 0x1ED, TinyOverlay.Hash(big)), (kept.Name, kept.Node.Mode, kept.Node.Content));
        Assert.True(output.Sum(t => t.Length) < image.Tars.Sum(t => t.Length) - big.Length + 4096);
        AssertSameFileSystem(image, output);
    }

    [Fact]
    public void Kept_entries_are_copied_byte_for_byte_with_their_pax_records()
    {
        var when = new DateTimeOffset(2021, 5, 6, 7, 8, 9, TimeSpan.Zero);
        PaxTarEntry Entry(string name, string content)
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name, new Dictionary<string, string>
            {
                ["SCHILY.xattr.security.capability"] = "\u0001cap",
                ["SCHILY.xattr.user.note"] = name,
            })
            {
                Uid = 1234,
                Gid = 5678,
                UserName = "builder",
                GroupName = "staff",
                ModificationTime = when,
                Mode = (UnixFileMode)0x1C0,
                DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)),
            };
            return entry;
        }
        byte[] Tar(params PaxTarEntry[] entries)
        {
            using var buffer = new MemoryStream();
            using (var writer = new TarWriter(buffer, leaveOpen: true))
            {
                foreach (var entry in entries)
                {
                    writer.WriteEntry(entry);
                }
            }
            return buffer.ToArray();
        }
        var lower = Tar(Entry("srv/a", "first"), Entry("srv/b", "dropped"), Entry("srv/c", "third"));
        var upper = new LayerBuilder().Whiteout("srv/b");
        using var image = new SlimHarness(lower, upper.ToTar());

        var output = image.OutputTars(image.Plan());

        // Written independently: the same entries without srv/b, as the same writer lays them out.
        Assert.Equal(Tar(Entry("srv/a", "first"), Entry("srv/c", "third")), output[0]);
    }

    [Fact]
    public void Rewriting_twice_gives_identical_blobs_for_gzip_and_zstd()
    {
        using var image = new SlimHarness(
            new LayerBuilder().Directory("etc").File("etc/a", Bytes(5000)).File("etc/b", Bytes(300)),
            new LayerBuilder().File("etc/a", Bytes(40, 'y')).Hardlink("etc/c", "etc/b"),
            new LayerBuilder().Whiteout("etc/b").File("etc/d", Bytes(9000, 'z')));
        var plan = image.Plan();

        foreach (var compression in new[] { new LayerCompressionOptions(), new LayerCompressionOptions(Compression.Zstd, 9) })
        {
            var first = image.Write(plan, compression, $"first-{compression.Compression}");
            var second = image.Write(plan, compression, $"second-{compression.Compression}");
            Assert.Equal(first.Select(b => b?.Digest), second.Select(b => b?.Digest));
            foreach (var blob in first.OfType<WrittenBlob>())
            {
                var bytes = File.ReadAllBytes(blob.Path);
                Assert.Equal(OciImageBuilder.Sha256(bytes), blob.Digest.ToString());
                Assert.Equal(bytes.Length, blob.Size);
                var tar = SlimHarness.Decompress(blob, compression.Compression);
                Assert.Equal(OciImageBuilder.Sha256(tar), blob.DiffId.ToString());
                Assert.Equal(tar.Length, blob.UncompressedSize);
            }
            var outputs = plan.Layers.Select(l => SlimHarness.Decompress(first[l.Index]!, compression.Compression)).ToList();
            AssertSameFileSystem(image, outputs);
        }
    }

    [Fact]
    public void Squash_puts_every_layer_above_the_base_into_one()
    {
        using var image = new SlimHarness(
            new LayerBuilder().File("base", "b"),
            new LayerBuilder().File("one", "1").File("two", "old"),
            new LayerBuilder().File("two", "2"));

        var plan = image.Plan(new SlimOptions { BaseLayers = 1, Squash = true });
        var output = image.OutputTars(plan);

        Assert.Equal(2, output.Count);
        Assert.Equal([0, 1, 1], plan.SourceLayers.Select(f => f.OutputLayer));
        Assert.Equal(["one", "two"], SlimHarness.Names(output[1]));
        AssertSameFileSystem(image, output);
    }

    [Fact]
    public void A_hard_link_to_a_lower_layers_file_that_a_later_layer_overwrites_gets_the_old_content()
    {
        using var image = new SlimHarness(
            new LayerBuilder().File("lib/libx.so.1", "old library", (UnixFileMode)0x1ED),
            new LayerBuilder().Hardlink("lib/libx.so", "lib/libx.so.1").File("etc/conf", "c"),
            new LayerBuilder().File("lib/libx.so.1", "new library"));

        var plan = image.Plan();
        var output = image.OutputTars(plan);

        Assert.True(plan.SourceLayers[0].Emptied);
        var link = TinyOverlay.Read(output[0]).Single(e => e.Name == "lib/libx.so");
        Assert.Equal(new OverlayNode("file", 0x1ED, 0, 0, TinyOverlay.Hash("old library"), ""), link.Node);
        AssertSameFileSystem(image, output);
    }

    [Fact]
    public void Base_layers_are_copied_unless_rewrite_base_is_set()
    {
        using var image = new SlimHarness(
            new LayerBuilder().File("etc/a", Bytes(100)).File("etc/b", "b"),
            new LayerBuilder().File("etc/a", "new"));

        var kept = image.Plan(new SlimOptions { BaseLayers = 1 });
        var rewritten = image.Plan(new SlimOptions { BaseLayers = 1, RewriteBase = true });
        var output = image.OutputTars(rewritten);

        // The top layer keeps every entry it has, so it too is copied blob for blob.
        Assert.Equal([0, 1], kept.Layers.Select(l => l.CopiedFrom));
        Assert.True(kept.SourceLayers[0].Unchanged);
        Assert.Equal([null, 1], rewritten.Layers.Select(l => l.CopiedFrom));
        Assert.Equal(100, kept.DeadBytesKeptInBase);
        Assert.Equal(0, rewritten.DeadBytesKeptInBase);
        Assert.Equal(["etc/b"], SlimHarness.Names(output[0]));
        Assert.Equal(image.Tars[1], output[1]);
        AssertSameFileSystem(image, output);
    }

    [Fact]
    public void A_file_that_replaced_a_base_folder_without_a_whiteout_stays_so_the_folders_contents_stay_gone()
    {
        using var image = new SlimHarness(
            new LayerBuilder().Directory("opt").File("opt/x", "from the base"),
            new LayerBuilder().File("opt", "a file now"),
            new LayerBuilder().Directory("opt").File("opt/z", "z"));

        var plan = image.Plan(new SlimOptions { BaseLayers = 1 });
        var output = image.OutputTars(plan);

        Assert.Equal(["opt"], SlimHarness.Names(output[1]));
        AssertSameFileSystem(image, output);
    }

    [Fact]
    public void Slimming_the_output_again_copies_every_layer_as_it_is()
    {
        using var image = new SlimHarness(
            new LayerBuilder().Directory("etc").File("etc/a", Bytes(100)).File("etc/b", "b").File("usr/bin/tool", "T")
                .Hardlink("usr/bin/alias", "usr/bin/tool"),
            new LayerBuilder().File("etc/a", "new").Whiteout("usr/bin/tool").Directory("var/cache").Opaque("var/cache"),
            new LayerBuilder().Whiteout("etc/b").File("srv/x", "x"));
        var output = image.OutputTars(image.Plan(new SlimOptions { BaseLayers = 1 }));

        using var again = new SlimHarness([.. output]);
        var plan = again.Plan(new SlimOptions { BaseLayers = 1 });

        Assert.Equal(Enumerable.Range(0, output.Count).Select(i => (int?)i), plan.Layers.Select(l => l.CopiedFrom));
        Assert.All(plan.SourceLayers, f => Assert.True(f.Unchanged));
    }

    [Fact]
    public void A_hard_link_to_a_dropped_symlink_becomes_that_symlink_and_a_later_link_points_at_it()
    {
        using var image = new SlimHarness(
            new LayerBuilder().Symlink("bin/sh", "dash").Hardlink("bin/sh2", "bin/sh").Hardlink("bin/sh3", "bin/sh").File("bin/dash", "d"),
            new LayerBuilder().Whiteout("bin/sh"));

        var plan = image.Plan();
        var output = image.OutputTars(plan);

        Assert.Empty(plan.Warnings);
        var entries = TinyOverlay.Read(output[0]);
        Assert.Equal(["bin/sh2", "bin/sh3", "bin/dash"], entries.Select(e => e.Name));
        Assert.Equal(("symlink", "dash"), (entries[0].Node.Type, entries[0].Node.Link));
        Assert.Equal(("hardlink", "bin/sh2"), (entries[1].Node.Type, entries[1].Node.Link));
        AssertSameFileSystem(image, output);
    }

    [Fact]
    public void A_hard_link_to_a_dropped_device_becomes_that_device_with_its_numbers()
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            writer.WriteEntry(new UstarTarEntry(TarEntryType.CharacterDevice, "dev/null") { DeviceMajor = 1, DeviceMinor = 3, Mode = (UnixFileMode)0x1B6 });
            writer.WriteEntry(new UstarTarEntry(TarEntryType.HardLink, "dev/null2") { LinkName = "dev/null", Mode = (UnixFileMode)0x1A4 });
        }
        using var image = new SlimHarness(tar.ToArray(), new LayerBuilder().Whiteout("dev/null").ToTar());

        var output = image.OutputTars(image.Plan());

        using var reader = new TarReader(new MemoryStream(output[0]));
        var device = Assert.IsType<UstarTarEntry>(reader.GetNextEntry());
        Assert.Equal(("dev/null2", TarEntryType.CharacterDevice, 1, 3, 0x1B6), (device.Name, device.EntryType, device.DeviceMajor, device.DeviceMinor, (int)device.Mode));
        Assert.Null(reader.GetNextEntry());
    }

    [Theory]
    [InlineData(TarEntryFormat.Ustar)]
    [InlineData(TarEntryFormat.Pax)]
    [InlineData(TarEntryFormat.Gnu)]
    public void A_link_pointed_at_a_path_longer_than_the_header_field_gets_it_in_a_pax_record(TarEntryFormat format)
    {
        var longPath = string.Join('/', Enumerable.Repeat("deep-folder-name", 8)) + "/libfoo.so";
        using var image = new SlimHarness(
            new LayerBuilder { Format = format }.File("t", "payload").Hardlink(longPath, "t").Hardlink("l2", "t"),
            new LayerBuilder { Format = format }.Whiteout("t"));

        var output = image.OutputTars(image.Plan());

        var entries = TinyOverlay.Read(output[0]);
        Assert.Equal([longPath, "l2"], entries.Select(e => e.Name));
        Assert.Equal(("hardlink", longPath), (entries[1].Node.Type, entries[1].Node.Link));
        AssertSameFileSystem(image, output);
    }
}
