using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Fuzz;

/// <summary>A well-formed image the fuzzer starts from: its layers and its config (diff_ids are filled in when written).</summary>
internal sealed record SeedImage(string Name, IReadOnlyList<FuzzLayer> Layers, string ConfigJson)
{
    /// <summary>Layers larger than this are left out of the shared images, to keep each case quick.</summary>
    private const long MaxSeedLayer = 2 * 1024 * 1024;

    private static readonly Lazy<IReadOnlyList<SeedImage>> LoadedAll = new(LoadAll);

    public static IReadOnlyList<SeedImage> All => LoadedAll.Value;

    public JsonObject Config() => (JsonObject)JsonNode.Parse(ConfigJson)!;

    private static List<SeedImage> LoadAll() =>
    [
        FromSharedLayout(Fixtures.OciLayout, "multistage", "multistage"),
        FromSharedLayout(Fixtures.OciLayout, "wasteful", "wasteful"),
        FromSharedLayout(Fixtures.Images("multistage-zstd"), "latest", "multistage-zstd"),
        PackageDatabases.Image(),
    ];

    /// <summary>
    /// One tag of the shared OCI layout, without its largest layers; the history keeps the entries of the layers kept,
    /// so the config still describes the layers it lists.
    /// </summary>
    private static SeedImage FromSharedLayout(string layout, string tag, string name)
    {
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(layout, "index.json")))!;
        var manifestDigest = index["manifests"]!.AsArray()
            .First(m => (string?)m!["annotations"]?["org.opencontainers.image.ref.name"] == tag)!["digest"]!.GetValue<string>();
        var manifest = JsonNode.Parse(ReadBlob(layout, manifestDigest))!;
        var config = JsonNode.Parse(ReadBlob(layout, manifest["config"]!["digest"]!.GetValue<string>()))!.AsObject();
        var layerHistory = (config["history"]?.AsArray() ?? [])
            .Where(h => h?["empty_layer"]?.GetValue<bool>() != true)
            .ToList();
        var layers = new List<FuzzLayer>();
        var history = new JsonArray();
        var descriptors = manifest["layers"]!.AsArray();
        for (var i = 0; i < descriptors.Count; i++)
        {
            if (descriptors[i]!["size"]!.GetValue<long>() > MaxSeedLayer)
            {
                continue;
            }
            var entry = i < layerHistory.Count ? layerHistory[i]!.DeepClone() : new JsonObject();
            layers.Add(FuzzLayer.FromBlob(File.ReadAllBytes(BlobPath(layout, descriptors[i]!["digest"]!.GetValue<string>())),
                entry["created_by"]?.GetValue<string>() ?? ""));
            history.Add(entry);
        }
        config["history"] = history;
        return new SeedImage(name, layers, config.ToJsonString());
    }

    private static string BlobPath(string layout, string digest) => Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]);

    private static string ReadBlob(string layout, string digest) => File.ReadAllText(BlobPath(layout, digest));
}
