using System.Text;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>
/// Index trees served by a registry: nested indexes are opened up within the same bounds as in a layout (depth 8,
/// 1,000 manifests, each distinct index fetched once).
/// </summary>
public sealed class HostileRegistryIndexTests
{
    private const string IndexType = "application/vnd.oci.image.index.v1+json";
    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";

    private static readonly byte[] Tar = new LayerBuilder().Directory("etc").File("etc/hostname", "strata\n").ToTar();

    /// <summary>A registry serving one sound image; returns it and the image manifest's descriptor, with a platform.</summary>
    private static (StaticBlobServer Registry, JsonObject Leaf) ServeImage()
    {
        var config = HandLayout.Config(Tar, "sha256");
        var registry = StaticBlobServer.Start(config, "hostile");
        registry.Serve($"/v2/hostile/blobs/{HandLayout.Hash("sha256", Tar)}", Tar);
        var manifest = HandLayout.Manifest(
            HandLayout.Descriptor("application/vnd.oci.image.config.v1+json", HandLayout.Hash("sha256", config), config.Length),
            HandLayout.Descriptor(HandLayout.TarMediaType, HandLayout.Hash("sha256", Tar), Tar.Length));
        var digest = HandLayout.Hash("sha256", manifest);
        registry.Serve($"/v2/hostile/manifests/{digest}", manifest, ManifestType);
        var leaf = HandLayout.Descriptor(ManifestType, digest, manifest.Length);
        leaf["platform"] = new JsonObject { ["os"] = "linux", ["architecture"] = "amd64" };
        return (registry, leaf);
    }

    /// <summary>Serves an index of <paramref name="children"/> by its digest and returns its descriptor (no platform).</summary>
    private static JsonObject ServeIndex(StaticBlobServer registry, IEnumerable<JsonObject> children)
    {
        var bytes = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = IndexType,
            ["manifests"] = new JsonArray(children.Select(c => (JsonNode)c.DeepClone()).ToArray()),
        }.ToJsonString());
        var digest = HandLayout.Hash("sha256", bytes);
        registry.Serve($"/v2/hostile/manifests/{digest}", bytes, IndexType);
        return HandLayout.Descriptor(IndexType, digest, bytes.Length);
    }

    /// <summary>Makes <paramref name="top"/> (an index descriptor) what the tag <c>latest</c> serves.</summary>
    private static void Tag(StaticBlobServer registry, JsonObject top)
    {
        var path = $"/v2/hostile/manifests/{(string)top["digest"]!}";
        registry.Serve("/v2/hostile/manifests/latest", registry.Content(path)!, IndexType);
    }

    private static Task<CliResult> Analyze(StaticBlobServer registry, TempDirectory work) => CliRunner.RunAsync(
        ["analyze", $"{registry.Host}/hostile:latest", "--platform", "linux/amd64", "--cache-dir", work.File("cache")],
        new Dictionary<string, string> { ["HOME"] = work.Path });

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_tree_naming_one_index_16_times_at_each_of_7_levels_fetches_each_index_once()
    {
        using var work = new TempDirectory();
        var (registry, leaf) = ServeImage();
        await using var _ = registry;
        var level = Enumerable.Repeat(leaf, 16).ToList();
        var indexes = new List<string>();
        for (var depth = 0; depth < 7; depth++)
        {
            var index = ServeIndex(registry, level);
            indexes.Add((string)index["digest"]!);
            level = Enumerable.Repeat(index, 16).ToList();
        }
        Tag(registry, ServeIndex(registry, level));

        var result = await Analyze(registry, work);

        BadInputAssert.Accepted(result);
        foreach (var digest in indexes)
        {
            Assert.Equal(1, registry.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/manifests/" + digest, StringComparison.Ordinal)));
        }
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData(8, true)]
    [InlineData(9, false)]
    public async Task Nested_indexes_are_opened_up_at_most_8_deep(int levels, bool accepted)
    {
        using var work = new TempDirectory();
        var (registry, top) = ServeImage();
        await using var _ = registry;
        for (var i = 0; i < levels; i++)
        {
            top = ServeIndex(registry, [top]);
        }
        Tag(registry, top);

        var result = await Analyze(registry, work);

        if (accepted)
        {
            BadInputAssert.Accepted(result);
        }
        else
        {
            BadInputAssert.Rejected(result, "image indexes nest more than 8 deep");
        }
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_tree_of_more_than_1000_manifests_is_refused()
    {
        using var work = new TempDirectory();
        var (registry, _) = ServeImage();
        await using var __ = registry;
        var branches = Enumerable.Range(0, 40).Select(i => ServeIndex(registry, Enumerable.Range(0, 30).Select(j =>
        {
            var leaf = HandLayout.Descriptor(ManifestType, HandLayout.Hash("sha256", Encoding.UTF8.GetBytes($"{i}-{j}")), 100);
            leaf["platform"] = new JsonObject { ["os"] = "linux", ["architecture"] = $"arch{i}x{j}" };
            return leaf;
        }))).ToList();
        Tag(registry, ServeIndex(registry, branches));

        var result = await Analyze(registry, work);

        BadInputAssert.Rejected(result, "index", "lists more than 1000 manifests");
    }
}
