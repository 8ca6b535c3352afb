using System.Formats.Tar;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using Strata.TestKit;

namespace Strata.Cli.Tests.Slim;

/// <summary>The slim image as the real engine sees it: it loads, and a container of it holds what the original's holds.</summary>
[SupportedOSPlatform("linux")]
public sealed class SlimEngineTests(DockerEngineFixture engine) : IClassFixture<DockerEngineFixture>
{
    private static string Bytes(int count, char fill) => new(fill, count);

    /// <summary>Dead bytes of every kind: overwritten, deleted, under an opaque folder, a hard link whose target goes, a chmod-only copy.</summary>
    private static OciImageBuilder WastefulImage() => new OciImageBuilder()
        .Layer(new LayerBuilder().Directory("etc").File("etc/os-release", "ID=hand\n").Directory("bin").File("bin/tool", "#!tool", (UnixFileMode)0x1ED), "ADD rootfs /")
        .Layer(new LayerBuilder().Directory("app").File("app/data.bin", Bytes(200_000, 'a')).File("app/real", "shared bytes").Hardlink("app/alias", "app/real")
            .Directory("app/cache").File("app/cache/old", Bytes(50_000, 'c')), "RUN build")
        .Layer(new LayerBuilder().File("app/data.bin", Bytes(200_000, 'a'), (UnixFileMode)0x180).Whiteout("app/real").Opaque("app/cache").File("app/cache/new", "n"), "RUN chmod 600 /app/data.bin && rm /app/real")
        .Layer(new LayerBuilder().File("app/tmp.bin", Bytes(30_000, 't')), "RUN make tmp")
        .Layer(new LayerBuilder().Whiteout("app/tmp.bin"), "RUN rm /app/tmp.bin");

    [Fact]
    public async Task The_slim_docker_archive_loads_and_its_container_holds_the_same_files_with_as_many_history_rows()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory();
        var original = Path.Combine(folder.Path, "original.tar");
        var slim = Path.Combine(folder.Path, "slim.tar");
        OciImageBuilder.WriteDockerArchive(original, blobsLayout: true, (WastefulImage(), "hand/app:original"));

        var result = await CliRunner.RunAsync(["slim", "docker-archive:" + original, $"docker-archive:{slim}:hand/app:slim", "-q"]);

        CliAssert.ExitCode(0, result);
        Assert.Contains("Loaded image: hand/app:original", await engine.Engine.LoadImageAsync(original, cancel));
        Assert.Contains("Loaded image: hand/app:slim", await engine.Engine.LoadImageAsync(slim, cancel));
        var before = Files(await engine.Engine.ExportAsync("hand/app:original", cancel));
        var after = Files(await engine.Engine.ExportAsync("hand/app:slim", cancel));
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));
        Assert.Equal("file 600 " + Sha(Bytes(200_000, 'a')), after["app/data.bin"]);
        Assert.Equal("file 644 " + Sha("shared bytes"), after["app/alias"]);
        Assert.False(after.ContainsKey("app/tmp.bin"));
        Assert.Equal(
            await engine.Engine.HistoryRowsAsync("hand/app:original", cancel),
            await engine.Engine.HistoryRowsAsync("hand/app:slim", cancel));
        Assert.True(new FileInfo(slim).Length < new FileInfo(original).Length);
    }

    [Fact]
    public async Task A_removed_path_the_base_also_holds_is_gone_in_the_container_and_a_link_to_a_dropped_symlink_is_that_symlink()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory();
        var original = Path.Combine(folder.Path, "original.tar");
        var slim = Path.Combine(folder.Path, "slim.tar");
        var image = new OciImageBuilder()
            .Layer(new LayerBuilder().Directory("etc").File("etc/os-release", "ID=hand\n").Directory("tmp").File("tmp/shared", "base copy"), "ADD rootfs /")
            .Layer(new LayerBuilder().File("tmp/shared", Bytes(40_000, 's')).Directory("usr/bin").File("usr/bin/python3", "py")
                .Symlink("usr/bin/py", "python3").Hardlink("usr/bin/py2", "usr/bin/py"), "RUN build")
            .Layer(new LayerBuilder().Whiteout("usr/bin/py"), "RUN rm /usr/bin/py");
        OciImageBuilder.WriteDockerArchive(original, blobsLayout: true, (image, "hand/links:original"));

        var result = await CliRunner.RunAsync(
            ["slim", "docker-archive:" + original, $"docker-archive:{slim}:hand/links:slim", "--base-layers", "1", "--remove", "/tmp/shared"]);

        CliAssert.ExitCode(0, result);
        Assert.Contains("Loaded image: hand/links:original", await engine.Engine.LoadImageAsync(original, cancel));
        Assert.Contains("Loaded image: hand/links:slim", await engine.Engine.LoadImageAsync(slim, cancel));
        var before = Files(await engine.Engine.ExportAsync("hand/links:original", cancel));
        var after = Files(await engine.Engine.ExportAsync("hand/links:slim", cancel));
        Assert.Equal("file 644 " + Sha(Bytes(40_000, 's')), before["tmp/shared"]);
        Assert.False(after.ContainsKey("tmp/shared"));
        before.Remove("tmp/shared");
        Assert.Equal(before, after);
        Assert.Equal("symlink python3", after["usr/bin/py2"]);
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>Every path of an export: its type, permissions and, for a file, the hash of its bytes.</summary>
    private static SortedDictionary<string, string> Files(byte[] export)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var reader = new TarReader(new MemoryStream(export));
        while (reader.GetNextEntry() is { } entry)
        {
            var mode = Convert.ToString((int)entry.Mode & 0xFFF, 8);
            var path = entry.Name.TrimEnd('/');
            files[path] = entry.EntryType switch
            {
                TarEntryType.RegularFile or TarEntryType.V7RegularFile => $"file {mode} {Hash(entry.DataStream)}",
                TarEntryType.HardLink => $"file {mode} same as {entry.LinkName}",
                TarEntryType.SymbolicLink => $"symlink {entry.LinkName}",
                var type => $"{type} {mode}",
            };
        }
        return files;
    }

    private static string Hash(Stream? data) => data is null ? Sha("") : Convert.ToHexStringLower(SHA256.HashData(data));
}
