using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Compare;

/// <summary>
/// <c>strata compare</c> on the shared images, every expected value read here from the OCI layout with .NET's own
/// JSON, gzip and tar readers (<see cref="IndependentImage"/>): sizes from the manifests and the inflated layers,
/// shared layers from the configs' diff_ids, files from the merged layer tars.
/// </summary>
public sealed class CompareFixtureTests
{
    private static string Reference(string tag) => $"oci:{Fixtures.OciLayout}:{tag}";

    private static async Task<JsonElement> CompareAsync(string before, string after)
    {
        // An empty cache folder: no default vulnerability database, whatever the machine has.
        using var cache = new TempDirectory();
        var result = await CliRunner.RunAsync(["compare", Reference(before), Reference(after), "--format", "json", "-q"],
            new Dictionary<string, string> { ["STRATA_CACHE_DIR"] = cache.Path });
        CliAssert.ExitCode(0, result);
        CompareJsonSchema.AssertValid(result.StandardOutputBytes);
        using var json = JsonDocument.Parse(result.StandardOutputBytes);
        return json.RootElement.Clone();
    }

    [Fact(Timeout = 600_000)]
    public async Task Wasteful_against_multistage_shares_no_layer_and_every_size_and_file_difference_is_the_layouts()
    {
        var wasteful = IndependentImage.Read(Fixtures.OciLayout, "wasteful");
        var multistage = IndependentImage.Read(Fixtures.OciLayout, "multistage");

        var json = await CompareAsync("wasteful", "multistage");

        AssertSizes(json, wasteful, multistage);
        // multistage is FROM scratch: its one layer is none of wasteful's.
        Assert.DoesNotContain(multistage.DiffIds[0], wasteful.DiffIds);
        var layers = json.GetProperty("layers");
        Assert.Equal(0, layers.GetProperty("shared").GetInt32());
        Assert.Equal(wasteful.LayerDigests.Count, layers.GetProperty("before").GetInt32());
        Assert.Equal(1, layers.GetProperty("after").GetInt32());
        var divergence = layers.GetProperty("firstDifferent");
        Assert.Equal(0, divergence.GetProperty("index").GetInt32());
        Assert.Equal(wasteful.DiffIds[0], divergence.GetProperty("before").GetProperty("diffId").GetString());
        Assert.Equal(wasteful.LayerCommands[0], divergence.GetProperty("before").GetProperty("createdBy").GetString());
        Assert.Equal(multistage.LayerDigests[0], divergence.GetProperty("after").GetProperty("digest").GetString());
        Assert.Equal(multistage.LayerCommands[0], divergence.GetProperty("after").GetProperty("createdBy").GetString());
        AssertFiles(json, wasteful, multistage);
        // multistage holds a static binary and no package database: every package of wasteful is gone.
        var packages = json.GetProperty("packages");
        Assert.Empty(packages.GetProperty("added").EnumerateArray());
        Assert.Contains(packages.GetProperty("removed").EnumerateArray(), p => p.GetProperty("name").GetString() == "python3");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("vulnerabilities").ValueKind);
    }

    [Fact(Timeout = 600_000)]
    public async Task Base_against_wasteful_shares_the_base_layer_and_diverges_at_wastefuls_first_own_layer()
    {
        var baseImage = IndependentImage.Read(Fixtures.OciLayout, "base");
        var wasteful = IndependentImage.Read(Fixtures.OciLayout, "wasteful");

        var json = await CompareAsync("base", "wasteful");

        AssertSizes(json, baseImage, wasteful);
        // wasteful is built FROM base: base's one layer is wasteful's first, by its diff_id.
        Assert.Equal(baseImage.DiffIds, wasteful.DiffIds.Take(1));
        var layers = json.GetProperty("layers");
        Assert.Equal(1, layers.GetProperty("shared").GetInt32());
        Assert.Equal(baseImage.CompressedSizes[0], layers.GetProperty("sharedCompressedSize").GetInt64());
        var divergence = layers.GetProperty("firstDifferent");
        Assert.Equal(1, divergence.GetProperty("index").GetInt32());
        Assert.Equal(JsonValueKind.Null, divergence.GetProperty("before").ValueKind);
        Assert.Equal(wasteful.LayerDigests[1], divergence.GetProperty("after").GetProperty("digest").GetString());
        Assert.Equal(wasteful.LayerCommands[1], divergence.GetProperty("after").GetProperty("createdBy").GetString());
        AssertFiles(json, baseImage, wasteful);
        // The Dockerfile installs python3 with apt-get on the base; nothing is removed from it.
        var packages = json.GetProperty("packages");
        Assert.Contains(packages.GetProperty("added").EnumerateArray(), p => p.GetProperty("ecosystem").GetString() == "dpkg" && p.GetProperty("name").GetString() == "python3");
        Assert.Empty(packages.GetProperty("removed").EnumerateArray());
        Assert.Contains("size", json.GetProperty("worse").EnumerateArray().Select(w => w.GetString()));
    }

    private static void AssertSizes(JsonElement json, IndependentImage before, IndependentImage after)
    {
        var sizes = json.GetProperty("sizes");
        AssertSize(sizes.GetProperty("compressed"), before.CompressedSizes.Sum(), after.CompressedSizes.Sum());
        AssertSize(sizes.GetProperty("uncompressed"), before.UncompressedSize, after.UncompressedSize);
        AssertSize(sizes.GetProperty("dead"), before.DeadBytes, after.DeadBytes);
    }

    private static void AssertSize(JsonElement size, long before, long after)
    {
        Assert.Equal(before, size.GetProperty("before").GetInt64());
        Assert.Equal(after, size.GetProperty("after").GetInt64());
        Assert.Equal(after - before, size.GetProperty("change").GetInt64());
    }

    private static void AssertFiles(JsonElement json, IndependentImage before, IndependentImage after)
    {
        var files = json.GetProperty("files");
        var added = after.FinalFiles.Keys.Where(p => !before.FinalFiles.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        var removed = before.FinalFiles.Keys.Where(p => !after.FinalFiles.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        var changed = before.FinalFiles
            .Where(p => after.FinalFiles.TryGetValue(p.Key, out var now) && !now.Seen.Equals(p.Value.Seen))
            .Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(added);
        Assert.Equal(added, Paths(files.GetProperty("added")));
        Assert.Equal(removed, Paths(files.GetProperty("removed")));
        Assert.Equal(changed, Paths(files.GetProperty("changed")));
        foreach (var item in files.GetProperty("added").EnumerateArray())
        {
            Assert.Equal(after.FinalFiles[item.GetProperty("path").GetString()!].Size, item.GetProperty("size").GetInt64());
        }
        foreach (var item in files.GetProperty("removed").EnumerateArray())
        {
            Assert.Equal(before.FinalFiles[item.GetProperty("path").GetString()!].Size, item.GetProperty("size").GetInt64());
        }
    }

    private static List<string> Paths(JsonElement list) => list.EnumerateArray().Select(i => i.GetProperty("path").GetString()!).ToList();
}
