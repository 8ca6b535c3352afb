using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Cli.Tests.Slim;

/// <summary>
/// A hard link shares its target's inode, so it shows the target's mode whatever its own header says (containerd and
/// Docker do not chmod a hard link); when the target goes, the file the link becomes must keep that mode.
/// </summary>
public sealed class SlimHardlinkModeTests
{
    [Fact]
    public async Task A_hard_link_whose_target_is_deleted_becomes_a_file_with_the_targets_mode_and_bytes()
    {
        using var work = new TempDirectory();
        var source = new OciImageBuilder()
            .Layer(new LayerBuilder().Directory("bin").File("bin/real", "#!tool", (UnixFileMode)0x1ED).Hardlink("bin/alias", "bin/real"), "ADD tool")
            .Layer(new LayerBuilder().Whiteout("bin/real"), "RUN rm /bin/real")
            .WriteOciLayout(work.File("source"));

        var result = await CliRunner.RunAsync(["slim", $"oci:{source}", $"oci:{work.File("slim")}"]);

        CliAssert.ExitCode(0, result);
        var entries = LayerEntries(work.File("slim"));
        var alias = Assert.Single(entries, e => e.Name == "bin/alias");
        Assert.Equal(TarEntryType.RegularFile, alias.Type);
        Assert.Equal(0x1ED, alias.Mode);
        Assert.Equal("#!tool", alias.Content);
        Assert.DoesNotContain(entries, e => e.Name.StartsWith("bin/real", StringComparison.Ordinal) || e.Name.Contains(".wh.", StringComparison.Ordinal));
    }

    /// <summary>Every entry of every layer of the layout's one image, read with .NET's own tar reader.</summary>
    private static List<(string Name, TarEntryType Type, int Mode, string Content)> LayerEntries(string layout)
    {
        string Blob(string digest) => Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]);
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(layout, "index.json")))!;
        var manifest = JsonNode.Parse(File.ReadAllText(Blob(index["manifests"]![0]!["digest"]!.GetValue<string>())))!;
        var entries = new List<(string, TarEntryType, int, string)>();
        foreach (var layer in manifest["layers"]!.AsArray())
        {
            Assert.Equal("application/vnd.oci.image.layer.v1.tar+gzip", layer!["mediaType"]!.GetValue<string>());
            using var gzip = new GZipStream(File.OpenRead(Blob(layer["digest"]!.GetValue<string>())), CompressionMode.Decompress);
            using var reader = new TarReader(gzip);
            while (reader.GetNextEntry() is { } entry)
            {
                var content = entry.DataStream is null ? "" : new StreamReader(entry.DataStream).ReadToEnd();
                entries.Add((entry.Name.TrimStart('.', '/').TrimEnd('/'), entry.EntryType, (int)entry.Mode, content));
            }
        }
        return entries;
    }
}
