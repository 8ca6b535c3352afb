using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Cli.Tests.Slim;

/// <summary>The manifest and config of a slim image with a known base, squashed and zstd-compressed.</summary>
public sealed class SlimManifestTests
{
    private const string BaseDigest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>A base layer and its CMD (so the history finds the base), labels naming the base, three layers of the app's.</summary>
    private static OciImageBuilder Image() => new OciImageBuilder
    {
        EditConfig = config =>
        {
            config["history"]!.AsArray().Insert(1, new JsonObject { ["created_by"] = "/bin/sh -c #(nop)  CMD [\"sh\"]", ["empty_layer"] = true });
            config["config"] = new JsonObject
            {
                ["Cmd"] = new JsonArray("/app/run"),
                ["Labels"] = new JsonObject
                {
                    ["org.opencontainers.image.base.digest"] = BaseDigest,
                    ["org.opencontainers.image.base.name"] = "docker.io/library/base:1",
                },
            };
        },
    }
        .Layer(new LayerBuilder().Directory("etc").File("etc/base", "base").File("etc/dead-in-base", "x"), "ADD base /")
        .Layer(new LayerBuilder().Directory("app").File("app/big", new string('b', 10_000)), "COPY big /app/")
        .Layer(new LayerBuilder().File("app/run", "run").Whiteout("etc/dead-in-base"), "COPY run /app/")
        .Layer(new LayerBuilder().Whiteout("app/big"), "RUN rm /app/big");

    private static JsonNode Blob(string layout, string digest) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..])))!;

    private static JsonNode Manifest(string layout) =>
        Blob(layout, JsonNode.Parse(File.ReadAllText(Path.Combine(layout, "index.json")))!["manifests"]![0]!["digest"]!.GetValue<string>());

    [Fact]
    public async Task A_squashed_zstd_slim_keeps_the_base_layer_names_the_base_and_keeps_every_history_row()
    {
        using var work = new TempDirectory();
        var source = Image().WriteOciLayout(work.File("source"));

        var result = await CliRunner.RunAsync(
            ["slim", $"oci:{source}", $"oci:{work.File("slim")}", "--squash", "--compression", "zstd", "--compression-level", "19", "-q"]);

        CliAssert.ExitCode(0, result);
        var before = Manifest(source);
        var after = Manifest(work.File("slim"));
        var layers = after["layers"]!.AsArray();
        Assert.Equal(2, layers.Count);
        Assert.Equal(before["layers"]![0]!["digest"]!.GetValue<string>(), layers[0]!["digest"]!.GetValue<string>());
        Assert.Equal("application/vnd.oci.image.layer.v1.tar+zstd", layers[1]!["mediaType"]!.GetValue<string>());
        Assert.Equal(BaseDigest, after["annotations"]!["org.opencontainers.image.base.digest"]!.GetValue<string>());

        var config = Blob(work.File("slim"), after["config"]!["digest"]!.GetValue<string>());
        var history = config["history"]!.AsArray();
        Assert.Equal(5, history.Count);
        // COPY big and COPY run fold into the squashed layer, which takes the last of their rows; RUN rm is left with
        // nothing (its whiteout hides nothing that is kept), so its row is empty too.
        Assert.Equal([false, true, true, false, true], history.Select(h => h!["empty_layer"]?.GetValue<bool>() == true));
        Assert.Equal(2, config["rootfs"]!["diff_ids"]!.AsArray().Count);
        Assert.Equal("/app/run", config["config"]!["Cmd"]![0]!.GetValue<string>());
        Assert.Contains("squashed", config["config"]!["Labels"]!["dev.strata.slim"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_base_label_the_manifest_has_no_base_annotation()
    {
        using var work = new TempDirectory();
        var source = new OciImageBuilder().Layer(new LayerBuilder().File("a", "1"), "ADD a /").WriteOciLayout(work.File("source"));

        var result = await CliRunner.RunAsync(["slim", $"oci:{source}", $"oci:{work.File("slim")}", "-q"]);

        CliAssert.ExitCode(0, result);
        Assert.Null(Manifest(work.File("slim"))["annotations"]?["org.opencontainers.image.base.digest"]);
    }
}
