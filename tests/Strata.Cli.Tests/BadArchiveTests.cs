using System.Formats.Tar;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>The outer file is wrong: not a tar, cut short, of no known kind, or its manifest points at nothing.</summary>
public sealed class BadArchiveTests
{
    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task Random_bytes_are_not_a_tar_archive()
    {
        using var temp = new TempDirectory();
        var path = temp.File("random.tar");
        var bytes = new byte[64 * 1024];
        new Random(42).NextBytes(bytes);
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["analyze", path]);

        BadInputAssert.Rejected(result, path, "not a tar archive");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task Random_bytes_named_as_a_docker_archive_are_not_a_tar_archive()
    {
        using var temp = new TempDirectory();
        var path = temp.File("random.tar");
        var bytes = new byte[10_000];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["analyze", "docker-archive:" + path]);

        BadInputAssert.Rejected(result, path, "not a tar archive");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task An_empty_file_is_not_a_tar_archive()
    {
        using var temp = new TempDirectory();
        var path = temp.File("empty.tar");
        await File.WriteAllBytesAsync(path, [], TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["analyze", path]);

        BadInputAssert.Rejected(result, path, "not a tar archive");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_tar_that_is_neither_a_docker_nor_an_oci_archive_says_so()
    {
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, "content");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "README"), "just a tar\n", TestContext.Current.CancellationToken);
        var path = TarArchive.Pack(folder, temp.File("plain.tar"));

        var result = await CliRunner.RunAsync(["analyze", path]);

        BadInputAssert.Rejected(result, path, "manifest.json", "oci-layout");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_docker_archive_cut_short_names_the_entry_that_runs_past_the_end()
    {
        using var temp = new TempDirectory();
        var path = temp.File("truncated.docker.tar");
        var entry = BadImages.TruncateInsideLargestEntry(Fixtures.Images("multistage.docker.tar"), path);

        var result = await CliRunner.RunAsync(["analyze", path]);

        BadInputAssert.Rejected(result, path, $"'{entry}'", "past the end of the archive");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task An_oci_archive_cut_short_names_the_entry_that_runs_past_the_end()
    {
        using var temp = new TempDirectory();
        var path = temp.File("truncated.oci.tar");
        var entry = BadImages.TruncateInsideLargestEntry(Fixtures.Images("multistage.oci.tar"), path);

        var result = await CliRunner.RunAsync(["analyze", "oci-archive:" + path]);

        BadInputAssert.Rejected(result, path, $"'{entry}'", "past the end of the archive");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task An_archive_cut_inside_a_tar_header_is_reported_as_corrupt()
    {
        using var temp = new TempDirectory();
        var source = await File.ReadAllBytesAsync(Fixtures.Images("multistage.docker.tar"), TestContext.Current.CancellationToken);
        var path = temp.File("cut-header.docker.tar");
        // The first entry's header fills the first 512 bytes; stop half way through it.
        await File.WriteAllBytesAsync(path, source[..256], TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["analyze", path]);

        BadInputAssert.Rejected(result, path, "tar archive");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_docker_manifest_naming_a_missing_layer_names_it()
    {
        using var temp = new TempDirectory();
        var path = BadImages.DockerArchive(
            temp, [BadImages.SmallLayer()], editManifest: m => m["Layers"]![0] = "gone/layer.tar");

        var result = await CliRunner.RunAsync(["analyze", path]);

        BadInputAssert.Rejected(result, path, "layer 0", "'gone/layer.tar'", "missing");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_docker_manifest_naming_a_missing_config_names_it()
    {
        using var temp = new TempDirectory();
        var path = BadImages.DockerArchive(temp, [BadImages.SmallLayer()], editManifest: m => m["Config"] = "nowhere.json");

        var result = await CliRunner.RunAsync(["analyze", path]);

        BadInputAssert.Rejected(result, path, "'nowhere.json'", "missing");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_docker_archive_with_an_invalid_json_config_names_it()
    {
        using var temp = new TempDirectory();
        var path = BadImages.DockerArchive(temp, [BadImages.SmallLayer()], rawConfig: "{\"rootfs\": [oops"u8.ToArray());

        var result = await CliRunner.RunAsync(["analyze", path]);

        BadInputAssert.Rejected(result, path, "config 'config.json'", "invalid JSON");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_docker_archive_whose_manifest_json_is_not_json_names_it()
    {
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, "content");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"), "not json at all", TestContext.Current.CancellationToken);
        var path = TarArchive.Pack(folder, temp.File("bad-manifest.tar"));

        var result = await CliRunner.RunAsync(["analyze", path]);

        BadInputAssert.Rejected(result, path, "manifest.json", "invalid JSON");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task Symlink_loops_in_the_outer_archive_are_reported_not_followed_forever()
    {
        using var temp = new TempDirectory();
        // A docker archive whose manifest names a layer through links that point at each other.
        var folder = Path.Combine(temp.Path, "content");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(
            Path.Combine(folder, "manifest.json"),
            """[{"Config":"config.json","RepoTags":["loop:latest"],"Layers":["a/layer.tar"]}]""",
            TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(
            Path.Combine(folder, "config.json"),
            $$$"""{"os":"linux","architecture":"amd64","rootfs":{"type":"layers","diff_ids":["sha256:{{{new string('0', 64)}}}"]}}""",
            TestContext.Current.CancellationToken);
        var path = temp.File("loop.tar");
        await using (var output = File.Create(path))
        await using (var writer = new TarWriter(output, TarEntryFormat.Pax))
        {
            await writer.WriteEntryAsync(Path.Combine(folder, "manifest.json"), "manifest.json", TestContext.Current.CancellationToken);
            await writer.WriteEntryAsync(Path.Combine(folder, "config.json"), "config.json", TestContext.Current.CancellationToken);
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "a/layer.tar") { LinkName = "../b/layer.tar" }, TestContext.Current.CancellationToken);
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "b/layer.tar") { LinkName = "../a/layer.tar" }, TestContext.Current.CancellationToken);
        }

        var result = await CliRunner.RunAsync(["analyze", path]);

        BadInputAssert.Rejected(result, path, "'a/layer.tar'", "loop");
    }
}
