using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>The image's parts are wrong: a blob missing, cut short or altered, a config broken or out of step with the layers.</summary>
public sealed class BadLayerTests
{
    private static OciImageBuilder TwoLayers(
        LayerCompression compression = LayerCompression.Gzip,
        Action<JsonObject>? editConfig = null,
        Func<int, byte[], byte[]>? editBlob = null)
    {
        var first = new LayerBuilder().Directory("etc").File("etc/os-release", new string('o', 4000));
        var second = new LayerBuilder().Directory("app").File("app/data.bin", Payload(200_000)).File("app/readme", "hello\n");
        return new OciImageBuilder { EditConfig = editConfig, EditBlob = editBlob }
            .Layer(first, "base", compression)
            .Layer(second, "COPY app /app", compression);
    }

    /// <summary>Bytes that do not compress to nothing, so a cut compressed stream ends inside real data.</summary>
    private static byte[] Payload(int length)
    {
        var bytes = new byte[length];
        new Random(1234).NextBytes(bytes);
        return bytes;
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_well_formed_hand_made_image_is_accepted()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers().WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Accepted(result);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_manifest_naming_a_missing_layer_blob_names_the_layer_and_blob()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers().WriteOciLayout(temp.Path);
        var digest = BadImages.LayerDigest(layout, 1);
        File.Delete(BadImages.BlobPath(layout, digest));

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", digest["sha256:".Length..], "missing");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_truncated_gzip_layer_names_the_layer()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers(editBlob: (i, blob) => i == 1 ? blob[..(blob.Length / 2)] : blob).WriteOciLayout(temp.Path);
        var digest = BadImages.LayerDigest(layout, 1);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", digest["sha256:".Length..]);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_gzip_layer_missing_only_its_trailer_names_the_layer()
    {
        using var temp = new TempDirectory();
        // The deflate data is whole; only the CRC and length that close the gzip member are gone.
        var layout = TwoLayers(editBlob: (i, blob) => i == 1 ? blob[..^8] : blob).WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_truncated_zstd_layer_names_the_layer()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers(LayerCompression.Zstd, editBlob: (i, blob) => i == 1 ? blob[..(blob.Length / 2)] : blob)
            .WriteOciLayout(temp.Path);
        var digest = BadImages.LayerDigest(layout, 1);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", digest["sha256:".Length..], "compressed stream ends early");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_zstd_layer_missing_only_its_last_bytes_names_the_layer()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers(LayerCompression.Zstd, editBlob: (i, blob) => i == 1 ? blob[..^3] : blob).WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_truncated_uncompressed_layer_names_the_layer()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers(LayerCompression.None, editBlob: (i, blob) => i == 1 ? blob[..(blob.Length / 2)] : blob)
            .WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "app/data.bin");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_gzip_blob_that_is_not_gzip_names_the_layer()
    {
        using var temp = new TempDirectory();
        var garbage = Payload(5000);
        garbage[0] = 0x1f;
        garbage[1] = 0x8b;
        var layout = TwoLayers(editBlob: (i, blob) => i == 0 ? garbage : blob).WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 0", "gzip");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_layer_blob_with_one_byte_changed_fails_its_digest()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers(LayerCompression.None, editBlob: (i, blob) =>
        {
            if (i != 0)
            {
                return blob;
            }
            // Change a byte of etc/os-release's content: the tar stays well formed, only the digests break.
            var changed = (byte[])blob.Clone();
            var at = changed.AsSpan().IndexOf("oooooooooo"u8);
            changed[at + 5] = (byte)'x';
            return changed;
        }).WriteOciLayout(temp.Path);
        var digest = BadImages.LayerDigest(layout, 0);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 0", digest, "digest");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_config_diff_id_that_does_not_match_the_layer_names_the_layer()
    {
        using var temp = new TempDirectory();
        var wrong = "sha256:" + new string('a', 64);
        var layout = TwoLayers(editConfig: c => c["rootfs"]!["diff_ids"]![1] = wrong).WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "layer 1", "diff_id", wrong);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_docker_archive_layer_that_does_not_match_its_diff_id_names_the_layer()
    {
        using var temp = new TempDirectory();
        var layer = BadImages.SmallLayer();
        var path = BadImages.DockerArchive(
            temp, [layer], editConfig: c => c["rootfs"]!["diff_ids"]![0] = "sha256:" + new string('b', 64));

        var result = await CliRunner.RunAsync(["analyze", path]);

        BadInputAssert.Rejected(result, "layer 0", "layers/0.tar", "diff_id");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_missing_config_blob_names_the_config()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers().WriteOciLayout(temp.Path);
        var digest = BadImages.ConfigDigest(layout);
        File.Delete(BadImages.BlobPath(layout, digest));

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, layout, "config", digest, "missing");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_config_blob_that_does_not_match_its_digest_names_the_config()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers().WriteOciLayout(temp.Path);
        var digest = BadImages.ConfigDigest(layout);
        var path = BadImages.BlobPath(layout, digest);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        bytes[bytes.AsSpan().IndexOf("amd64"u8)] = (byte)'b';
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "config", digest, "digest");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task An_invalid_json_config_names_the_config()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers().WriteOciLayout(temp.Path);
        var digest = BadImages.ReplaceConfig(layout, "{\"architecture\": \"amd64\", \"rootfs\": "u8.ToArray());

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "config", digest, "invalid JSON");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_config_that_is_not_a_json_object_names_the_config()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers().WriteOciLayout(temp.Path);
        var digest = BadImages.ReplaceConfig(layout, "[1, 2, 3]"u8.ToArray());

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "config", digest, "JSON object");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_config_without_rootfs_names_the_field()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers(editConfig: c => c.Remove("rootfs")).WriteOciLayout(temp.Path);
        var digest = BadImages.ConfigDigest(layout);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "config", digest, "'rootfs'");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_config_with_a_malformed_diff_id_names_the_field()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers(editConfig: c => c["rootfs"]!["diff_ids"]![0] = "sha256:nothex").WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "rootfs.diff_ids[0]", "sha256:nothex");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_config_with_fewer_diff_ids_than_layers_says_both_counts()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers(editConfig: c => c["rootfs"]!["diff_ids"]!.AsArray().RemoveAt(1)).WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "1 diff_ids", "2 layers");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task More_non_empty_history_entries_than_layers_names_the_history()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers(editConfig: c =>
        {
            var history = c["history"]!.AsArray();
            history.Add(new JsonObject { ["created_by"] = "RUN extra" });
            history.Add(new JsonObject { ["created_by"] = "ENV quiet=1", ["empty_layer"] = true });
        }).WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "config", "history has more non-empty entries (3)", "(2)");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task Fewer_non_empty_history_entries_than_layers_names_the_history()
    {
        using var temp = new TempDirectory();
        var layout = TwoLayers(editConfig: c =>
        {
            var history = c["history"]!.AsArray();
            history[1]!["empty_layer"] = true;
        }).WriteOciLayout(temp.Path);

        var result = await CliRunner.RunAsync(["analyze", layout]);

        BadInputAssert.Rejected(result, "config", "history has fewer non-empty entries (1)", "(2)");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task Fewer_history_entries_than_layers_in_a_docker_archive_names_the_history()
    {
        using var temp = new TempDirectory();
        var path = BadImages.DockerArchive(
            temp, [BadImages.SmallLayer(), new LayerBuilder().File("b", "b").ToTar()],
            editConfig: c => c["history"]!.AsArray().RemoveAt(0));

        var result = await CliRunner.RunAsync(["analyze", path]);

        BadInputAssert.Rejected(result, path, "history has fewer non-empty entries (1)", "(2)");
    }
}
