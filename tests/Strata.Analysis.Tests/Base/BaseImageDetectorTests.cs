using System.Text;
using System.Text.Json.Nodes;
using Strata.Analysis.Base;
using Strata.Images;
using Strata.Images.Model;

namespace Strata.Analysis.Tests.Base;

/// <summary>Base detection on hand-built configs: each history is a Dockerfile whose base layers are known by construction.</summary>
public sealed class BaseImageDetectorTests
{
    private static HistoryEntry Layer(string createdBy) => new(createdBy, false, null);

    private static HistoryEntry Setting(string createdBy) => new(createdBy, true, null);

    private static readonly Dictionary<string, string> NoLabels = [];

    private static BaseImage Detect(IReadOnlyList<HistoryEntry> history, int? baseLayers = null) =>
        BaseImageDetector.Detect(NoLabels, history, history.Count(h => !h.EmptyLayer), baseLayers);

    // FROM debian:12 (ADD rootfs, CMD bash) + RUN, COPY, CMD: the classic builder's texts.
    private static readonly HistoryEntry[] ClassicOnDebian =
    [
        Layer("/bin/sh -c #(nop) ADD file:5d673d25 in / "),
        Setting("/bin/sh -c #(nop)  CMD [\"bash\"]"),
        Layer("/bin/sh -c apt-get update"),
        Layer("/bin/sh -c #(nop) COPY dir:abc in /app "),
        Setting("/bin/sh -c #(nop)  EXPOSE 8080"),
        Setting("/bin/sh -c #(nop)  CMD [\"python3\"]"),
    ];

    [Fact]
    public void The_layers_before_the_bases_last_cmd_are_the_base()
    {
        var found = Detect(ClassicOnDebian);

        Assert.Equal(1, found.Layers);
        Assert.Equal("history", found.Source);
        Assert.True(found.Contains(0));
        Assert.False(found.Contains(1));
    }

    [Fact]
    public void BuildKit_texts_are_read_the_same()
    {
        HistoryEntry[] history =
        [
            Layer("ADD rootfs.tar.xz / # buildkit"),
            Setting("CMD [\"bash\"]"),
            Layer("RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit"),
            Setting("WORKDIR /app"),
            Layer("COPY . /app # buildkit"),
            Setting("ENTRYPOINT [\"/app/run\"]"),
        ];

        Assert.Equal(1, Detect(history).Layers);
    }

    [Fact]
    public void A_base_built_on_another_base_counts_whole_up_to_its_own_last_command()
    {
        // debian (1 layer, CMD bash) -> node (2 layers, ENTRYPOINT and CMD) -> the app (2 layers, CMD).
        HistoryEntry[] history =
        [
            Layer("ADD rootfs.tar.xz / # buildkit"),
            Setting("CMD [\"bash\"]"),
            Layer("RUN /bin/sh -c groupadd node # buildkit"),
            Layer("COPY docker-entrypoint.sh /usr/local/bin/ # buildkit"),
            Setting("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
            Setting("CMD [\"node\"]"),
            Layer("COPY package.json /app/ # buildkit"),
            Layer("RUN /bin/sh -c npm ci # buildkit"),
            Setting("CMD [\"node\", \"server.js\"]"),
        ];

        Assert.Equal(3, Detect(history).Layers);
    }

    [Fact]
    public void An_image_ending_in_a_layer_still_finds_the_bases_command()
    {
        HistoryEntry[] history = [Layer("/bin/sh -c #(nop) ADD file:1 in / "), Setting("/bin/sh -c #(nop)  CMD [\"sh\"]"), Layer("/bin/sh -c touch /x")];

        Assert.Equal(1, Detect(history).Layers);
    }

    [Fact]
    public void Settings_in_between_map_to_no_layer()
    {
        HistoryEntry[] history =
        [
            Layer("ADD a /"),
            Setting("ENV A=1"),
            Layer("RUN /bin/sh -c b # buildkit"),
            Setting("LABEL x=y"),
            Setting("CMD [\"sh\"]"),
            Setting("ENV B=2"),
            Layer("COPY c /"),
        ];

        Assert.Equal(2, Detect(history).Layers);
    }

    [Fact]
    public void An_image_built_from_scratch_has_no_base()
    {
        // The shared base image's own history: FROM scratch, ADD rootfs.tar, CMD bash.
        HistoryEntry[] history = [Layer("/bin/sh -c #(nop) ADD file:fe45 in / "), Setting("/bin/sh -c #(nop) CMD [\"bash\"]")];

        var found = Detect(history);

        Assert.Null(found.Layers);
        Assert.Null(found.Source);
        Assert.Contains("FROM scratch", found.Reason, StringComparison.Ordinal);
        Assert.False(found.Contains(0));
    }

    [Fact]
    public void A_run_that_mentions_cmd_is_not_a_base_boundary()
    {
        HistoryEntry[] history = [Layer("/bin/sh -c #(nop) ADD file:1 in / "), Layer("/bin/sh -c echo CMD ENTRYPOINT > /notes"), Layer("/bin/sh -c true")];

        Assert.Null(Detect(history).Layers);
    }

    [Fact]
    public void A_history_that_does_not_map_to_the_layers_gives_no_base()
    {
        var found = BaseImageDetector.Detect(NoLabels, ClassicOnDebian, layerCount: 5, baseLayers: null);

        Assert.Null(found.Layers);
        Assert.Contains("do not match", found.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_history_gives_no_base()
    {
        Assert.Null(BaseImageDetector.Detect(NoLabels, [], layerCount: 3, baseLayers: null).Layers);
    }

    [Fact]
    public void The_oci_labels_name_the_base_and_the_history_counts_its_layers()
    {
        var labels = new Dictionary<string, string>
        {
            [BaseImageDetector.BaseNameLabel] = "docker.io/library/debian:12",
            [BaseImageDetector.BaseDigestLabel] = "sha256:" + new string('c', 64),
        };

        var found = BaseImageDetector.Detect(labels, ClassicOnDebian, 3, null);

        Assert.Equal((1, "docker.io/library/debian:12", "sha256:" + new string('c', 64), "labels"), (found.Layers, found.Name, found.Digest, found.Source));
    }

    [Fact]
    public void Labels_without_a_boundary_in_the_history_name_the_base_and_ask_for_the_count()
    {
        var labels = new Dictionary<string, string> { [BaseImageDetector.BaseNameLabel] = "registry.example/base:1" };
        HistoryEntry[] history = [Layer("COPY a /"), Layer("COPY b /")];

        var found = BaseImageDetector.Detect(labels, history, 2, null);

        Assert.Null(found.Layers);
        Assert.Equal("registry.example/base:1", found.Name);
        Assert.Contains("--base-layers", found.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    public void Base_layers_overrides_the_history(int given)
    {
        var found = Detect(ClassicOnDebian, given);

        Assert.Equal((given, "--base-layers"), (found.Layers, found.Source));
    }

    [Fact]
    public void Base_layers_overrides_the_labels_count_and_keeps_their_name()
    {
        var labels = new Dictionary<string, string> { [BaseImageDetector.BaseNameLabel] = "debian:12" };

        var found = BaseImageDetector.Detect(labels, ClassicOnDebian, 3, 2);

        Assert.Equal((2, "debian:12", "--base-layers"), (found.Layers, found.Name, found.Source));
    }

    [Theory]
    [InlineData(4, "more than the image's 3 layers")]
    [InlineData(-1, "negative")]
    public void Base_layers_outside_the_image_is_an_error_naming_the_option(int given, string expected)
    {
        var error = Assert.Throws<StrataException>(() => Detect(ClassicOnDebian, given));

        Assert.StartsWith("--base-layers: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_are_read_from_a_parsed_config()
    {
        var config = new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject { ["Labels"] = new JsonObject { [BaseImageDetector.BaseDigestLabel] = "sha256:" + new string('d', 64) } },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray("sha256:" + new string('1', 64), "sha256:" + new string('2', 64)) },
            ["history"] = new JsonArray(
                new JsonObject { ["created_by"] = "ADD rootfs.tar /" },
                new JsonObject { ["created_by"] = "CMD [\"sh\"]", ["empty_layer"] = true },
                new JsonObject { ["created_by"] = "COPY app /app" }),
        };

        var found = BaseImageDetector.Detect(ImageConfig.Parse(Encoding.UTF8.GetBytes(config.ToJsonString()), "config"));

        Assert.Equal((1, "sha256:" + new string('d', 64), "labels"), (found.Layers, found.Digest, found.Source));
    }

    [Fact]
    public void Blank_labels_are_not_a_base_name()
    {
        var labels = new Dictionary<string, string> { [BaseImageDetector.BaseNameLabel] = " " };

        var found = BaseImageDetector.Detect(labels, ClassicOnDebian, 3, null);

        Assert.Equal(("history", null), (found.Source, found.Name));
    }
}
