using System.Text;
using System.Text.Json.Nodes;
using Strata.Images.Model;
using Strata.Images.Output;

namespace Strata.Images.Tests;

public sealed class SlimmedConfigTests
{
    private static readonly Digest A = Digest.Parse("sha256:" + new string('a', 64), "test");
    private static readonly Digest B = Digest.Parse("sha256:" + new string('b', 64), "test");
    private static readonly Digest C = Digest.Parse("sha256:" + new string('c', 64), "test");

    private const string Original = """
        {"architecture":"amd64","os":"linux","created":"2024-01-02T03:04:05.123456789Z","x-unknown":{"kept":[1,2.50,"three"]},
         "config":{"Env":["PATH=/usr/bin","A=b+c"],"Entrypoint":["/app"],"Cmd":["--serve"],"User":"1000:1000","WorkingDir":"/srv",
                   "Labels":{"maintainer":"me"}},
         "rootfs":{"type":"layers","diff_ids":["sha256:1111111111111111111111111111111111111111111111111111111111111111",
                                               "sha256:2222222222222222222222222222222222222222222222222222222222222222",
                                               "sha256:3333333333333333333333333333333333333333333333333333333333333333"]},
         "history":[{"created_by":"ADD base"},{"created_by":"ENV A=b+c","empty_layer":true},{"created_by":"RUN apt-get install"},
                    {"created_by":"RUN rm -rf /var/lib/apt","comment":"cleanup"},{"created_by":"CMD [\"--serve\"]","empty_layer":true}]}
        """;

    private static JsonObject Rewrite(string original, params Digest?[] diffIds) =>
        JsonNode.Parse(SlimmedConfig.Rewrite(Encoding.UTF8.GetBytes(original), diffIds, "dead-bytes,caches"))!.AsObject();

    [Fact]
    public void A_dropped_layer_leaves_its_history_entry_marked_empty_and_its_diff_id_out()
    {
        var config = Rewrite(Original, A, B, null);

        Assert.Equal([A.ToString(), B.ToString()], config["rootfs"]!["diff_ids"]!.AsArray().Select(d => d!.GetValue<string>()));
        var history = config["history"]!.AsArray();
        Assert.Equal(5, history.Count);
        Assert.Equal([false, true, false, true, true], history.Select(h => h!["empty_layer"]?.GetValue<bool>() ?? false));
        Assert.Equal("cleanup", history[3]!["comment"]!.GetValue<string>());
    }

    [Fact]
    public void Every_field_but_diff_ids_history_and_the_slim_label_is_kept_as_it_was()
    {
        var before = JsonNode.Parse(Original)!.AsObject();
        var after = Rewrite(Original, A, B, C);

        Assert.Equal("dead-bytes,caches", after["config"]!["Labels"]![SlimmedConfig.SlimLabel]!.GetValue<string>());
        Assert.Equal("me", after["config"]!["Labels"]!["maintainer"]!.GetValue<string>());
        after["config"]!["Labels"]!.AsObject().Remove(SlimmedConfig.SlimLabel);
        after["rootfs"]!["diff_ids"] = before["rootfs"]!["diff_ids"]!.DeepClone();
        Assert.True(JsonNode.DeepEquals(before, after), after.ToJsonString());
        Assert.Contains("\"A=b+c\"", Encoding.UTF8.GetString(SlimmedConfig.Rewrite(Encoding.UTF8.GetBytes(Original), [A, B, C], "x")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_without_labels_or_config_section_gets_them_for_the_slim_label()
    {
        var after = Rewrite("""{"rootfs":{"type":"layers","diff_ids":["sha256:1111111111111111111111111111111111111111111111111111111111111111"]}}""", A);

        Assert.Equal("dead-bytes,caches", after["config"]!["Labels"]![SlimmedConfig.SlimLabel]!.GetValue<string>());
        Assert.Null(after["history"]);
    }

    [Fact]
    public void A_history_that_does_not_line_up_with_the_layers_is_left_alone()
    {
        var after = Rewrite("""{"rootfs":{"diff_ids":[]},"history":[{"created_by":"one"}]}""", A, null);

        Assert.Null(after["history"]![0]!["empty_layer"]);
        Assert.Equal([A.ToString()], after["rootfs"]!["diff_ids"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Fact]
    public void A_config_without_rootfs_is_refused_naming_the_field()
    {
        var error = Assert.Throws<StrataException>(() => Rewrite("""{"os":"linux"}""", A));
        Assert.Contains("rootfs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_manifest_maps_docker_layer_types_to_oci_and_adds_the_base_digest_annotation()
    {
        var layer = new Descriptor("application/vnd.docker.image.rootfs.diff.tar.gzip", A, 10);
        var config = new Descriptor("application/vnd.docker.container.image.v1+json", B, 20);
        var bytes = SlimmedManifest.Build(null, config, [layer], "sha256:" + new string('d', 64), "debian:12");
        var manifest = JsonNode.Parse(bytes)!.AsObject();

        Assert.Equal("application/vnd.oci.image.manifest.v1+json", manifest["mediaType"]!.GetValue<string>());
        Assert.Equal("application/vnd.oci.image.config.v1+json", manifest["config"]!["mediaType"]!.GetValue<string>());
        Assert.Equal("application/vnd.oci.image.layer.v1.tar+gzip", manifest["layers"]![0]!["mediaType"]!.GetValue<string>());
        Assert.Equal(A.ToString(), manifest["layers"]![0]!["digest"]!.GetValue<string>());
        Assert.Equal("sha256:" + new string('d', 64), manifest["annotations"]!["org.opencontainers.image.base.digest"]!.GetValue<string>());
        Assert.Null(JsonNode.Parse(SlimmedManifest.Build(null, config, [layer], null, null))!["annotations"]);
        var annotated = layer with { Annotations = new Dictionary<string, string> { ["containerd.io/snapshot/stargz/toc.digest"] = "sha256:x" } };
        var kept = JsonNode.Parse(SlimmedManifest.Build(null, config, [annotated], null, null))!["layers"]![0]!["annotations"]!;
        Assert.Equal("sha256:x", kept["containerd.io/snapshot/stargz/toc.digest"]!.GetValue<string>());
    }
}
