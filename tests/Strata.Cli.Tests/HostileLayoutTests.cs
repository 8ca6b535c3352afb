using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>
/// Hostile OCI layouts: files that are not regular files, a layout version that is not 1.x, and index trees that
/// fan out, repeat themselves or nest too deep. Each gives exit 2 naming the problem, or exit 0 where it is legal.
/// </summary>
public sealed class HostileLayoutTests
{
    private const string IndexType = "application/vnd.oci.image.index.v1+json";
    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";

    private static readonly byte[] Tar = new LayerBuilder().Directory("etc").File("etc/hostname", "strata\n").ToTar();

    private static HandLayout SoundImage(TempDirectory temp) => HandLayout.Image(temp.File("image"), Tar, "sha256");

    private static string ManifestDigest(HandLayout layout) =>
        (string)JsonNode.Parse(File.ReadAllText(Path.Combine(layout.Root, "index.json")))!["manifests"]![0]!["digest"]!;

    private static string ConfigDigest(HandLayout layout) =>
        (string)JsonNode.Parse(File.ReadAllBytes(layout.PathOf(ManifestDigest(layout))))!["config"]!["digest"]!;

    private static void MakeFifo(string path)
    {
        File.Delete(path);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData("layer")]
    [InlineData("config")]
    [InlineData("manifest")]
    [InlineData("index.json")]
    [InlineData("oci-layout")]
    public async Task A_fifo_in_place_of_a_layout_file_is_refused_without_opening_it(string part)
    {
        using var temp = new TempDirectory();
        var layout = SoundImage(temp);
        var path = part switch
        {
            "layer" => layout.PathOf(HandLayout.Hash("sha256", Tar)),
            "config" => layout.PathOf(ConfigDigest(layout)),
            "manifest" => layout.PathOf(ManifestDigest(layout)),
            _ => Path.Combine(layout.Root, part),
        };
        MakeFifo(path);

        var result = await CliRunner.RunAsync(["analyze", $"oci:{layout.Root}:latest"]);

        BadInputAssert.Rejected(result, Path.GetFileName(path), "is a FIFO, not a regular file");
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_fifo_given_as_an_archive_is_refused_without_opening_it()
    {
        using var temp = new TempDirectory();
        var fifo = temp.File("image.tar");
        MakeFifo(fifo);

        foreach (var reference in new[] { $"docker-archive:{fifo}", $"oci-archive:{fifo}", fifo })
        {
            var result = await CliRunner.RunAsync(["analyze", reference]);

            BadInputAssert.Rejected(result, fifo, "is a FIFO, not a regular file");
        }
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task A_blob_symlinked_to_a_device_is_refused_and_one_symlinked_to_a_regular_file_is_read()
    {
        using var temp = new TempDirectory();
        var layout = SoundImage(temp);
        var layer = layout.PathOf(HandLayout.Hash("sha256", Tar));
        var elsewhere = temp.File("layer-kept-elsewhere.tar");
        File.Move(layer, elsewhere);

        File.CreateSymbolicLink(layer, elsewhere);
        BadInputAssert.Accepted(await CliRunner.RunAsync(["analyze", $"oci:{layout.Root}:latest"]));

        File.Delete(layer);
        File.CreateSymbolicLink(layer, "/dev/zero");
        var result = await CliRunner.RunAsync(["analyze", $"oci:{layout.Root}:latest"]);
        BadInputAssert.Rejected(result, Path.GetFileName(layer), "is a character device, not a regular file");
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData("""{"imageLayoutVersion":"9.9.9"}""", "imageLayoutVersion '9.9.9' is not supported (expected 1.x)")]
    [InlineData("""{"imageLayoutVersion":"10.0.0"}""", "imageLayoutVersion '10.0.0' is not supported (expected 1.x)")]
    [InlineData("imageLayoutVersion 1.0.0", "oci-layout: invalid JSON")]
    [InlineData("""["1.0.0"]""", "oci-layout: expected a JSON object")]
    [InlineData("""{"imageLayoutVersion":1}""", "field 'imageLayoutVersion' must be a string")]
    [InlineData("{}", "field 'imageLayoutVersion' is missing")]
    public async Task An_oci_layout_file_that_is_not_json_naming_version_1_is_refused(string content, string problem)
    {
        using var temp = new TempDirectory();
        var layout = SoundImage(temp);
        File.WriteAllText(Path.Combine(layout.Root, "oci-layout"), content);

        var result = await CliRunner.RunAsync(["analyze", $"oci:{layout.Root}:latest"]);

        BadInputAssert.Rejected(result, problem);
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData("""{"imageLayoutVersion":"9.9.9"}""", "imageLayoutVersion '9.9.9' is not supported (expected 1.x)")]
    [InlineData("not json", "oci-layout: invalid JSON")]
    public async Task An_oci_archive_whose_oci_layout_is_wrong_is_refused_as_a_folder_is(string content, string problem)
    {
        using var temp = new TempDirectory();
        var layout = SoundImage(temp);
        File.WriteAllText(Path.Combine(layout.Root, "oci-layout"), content);
        var archive = TarArchive.Pack(layout.Root, temp.File("image.oci.tar"));

        var result = await CliRunner.RunAsync(["analyze", $"oci-archive:{archive}"]);

        BadInputAssert.Rejected(result, archive, problem);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task An_oci_layout_of_version_1_1_is_read()
    {
        using var temp = new TempDirectory();
        var layout = SoundImage(temp);
        File.WriteAllText(Path.Combine(layout.Root, "oci-layout"), """{"imageLayoutVersion":"1.1.0"}""");

        BadInputAssert.Accepted(await CliRunner.RunAsync(["analyze", $"oci:{layout.Root}:latest"]));
    }

    /// <summary>Stores an index of <paramref name="children"/> and returns its descriptor (no platform: it is to be opened up).</summary>
    private static JsonObject StoreIndex(HandLayout layout, IEnumerable<JsonObject> children)
    {
        var bytes = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = IndexType,
            ["manifests"] = new JsonArray(children.Select(c => (JsonNode)c.DeepClone()).ToArray()),
        }.ToJsonString());
        return HandLayout.Descriptor(IndexType, layout.Store("sha256", bytes), bytes.Length);
    }

    /// <summary>The sound image's manifest descriptor with a platform, as an index lists it.</summary>
    private static JsonObject Leaf(HandLayout layout)
    {
        var digest = ManifestDigest(layout);
        var leaf = HandLayout.Descriptor(ManifestType, digest, new FileInfo(layout.PathOf(digest)).Length);
        leaf["platform"] = new JsonObject { ["os"] = "linux", ["architecture"] = "amd64" };
        return leaf;
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task An_index_tree_naming_one_index_16_times_at_each_of_7_levels_is_walked_once_per_index()
    {
        using var temp = new TempDirectory();
        var layout = SoundImage(temp);
        // Walked naively this is 16^7 (268 million) visits; each distinct index is opened once.
        var level = Enumerable.Repeat(Leaf(layout), 16).ToList();
        for (var depth = 0; depth < 7; depth++)
        {
            level = Enumerable.Repeat(StoreIndex(layout, level), 16).ToList();
        }
        layout.WriteIndex(level[0]);

        var result = await CliRunner.RunAsync(["analyze", $"oci:{layout.Root}:latest", "--platform", "linux/amd64"]);

        BadInputAssert.Accepted(result);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task An_index_tree_of_more_than_1000_manifests_is_refused()
    {
        using var temp = new TempDirectory();
        var layout = SoundImage(temp);
        // 40 distinct indexes of 30 distinct manifests each (the manifests need not exist: listing them is enough).
        var branches = Enumerable.Range(0, 40).Select(i => StoreIndex(layout, Enumerable.Range(0, 30).Select(j =>
        {
            var leaf = HandLayout.Descriptor(ManifestType, HandLayout.Hash("sha256", Encoding.UTF8.GetBytes($"{i}-{j}")), 100);
            leaf["platform"] = new JsonObject { ["os"] = "linux", ["architecture"] = $"arch{i}x{j}" };
            return leaf;
        })));
        layout.WriteIndex(StoreIndex(layout, branches));

        var result = await CliRunner.RunAsync(["analyze", $"oci:{layout.Root}:latest", "--platform", "linux/amd64"]);

        BadInputAssert.Rejected(result, "index", "lists more than 1000 manifests");
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData(8, true)]
    [InlineData(9, false)]
    public async Task Indexes_nest_at_most_8_deep(int levels, bool accepted)
    {
        using var temp = new TempDirectory();
        var layout = SoundImage(temp);
        var top = Leaf(layout);
        for (var i = 0; i < levels; i++)
        {
            top = StoreIndex(layout, [top]);
        }
        layout.WriteIndex(top);

        var result = await CliRunner.RunAsync(["analyze", $"oci:{layout.Root}:latest"]);

        if (accepted)
        {
            BadInputAssert.Accepted(result);
        }
        else
        {
            BadInputAssert.Rejected(result, "image indexes nest more than 8 deep");
        }
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData("not json")]
    [InlineData("deep")]
    [InlineData("[]")]
    [InlineData("""{"manifests":{}}""")]
    public async Task Pull_into_a_folder_whose_index_json_is_broken_names_it(string content)
    {
        using var temp = new TempDirectory();
        var layout = SoundImage(temp);
        var output = temp.File("out");
        Directory.CreateDirectory(output);
        var index = Path.Combine(output, "index.json");
        File.WriteAllText(index, content == "deep" ? new string('[', 100_000) + new string(']', 100_000) : content);

        var result = await CliRunner.RunAsync(["pull", $"oci:{layout.Root}:latest", "--output", $"oci:{output}"]);

        BadInputAssert.Rejected(result, index, content switch
        {
            "not json" or "deep" => "the existing index.json is not valid JSON",
            "[]" => "the existing index.json is not a JSON object",
            _ => "field 'manifests' must be an array",
        });
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = BadInputAssert.Timeout)]
    public async Task Pull_rewrites_an_existing_output_blob_of_the_right_size_but_the_wrong_bytes()
    {
        using var temp = new TempDirectory();
        var layout = SoundImage(temp);
        var output = temp.File("out");
        BadInputAssert.Accepted(await CliRunner.RunAsync(["pull", $"oci:{layout.Root}:latest", "--output", $"oci:{output}:v1"]));
        var layerDigest = HandLayout.Hash("sha256", Tar);
        var layer = Path.Combine(output, "blobs", "sha256", layerDigest[7..]);
        Assert.Equal(Tar, File.ReadAllBytes(layer));
        File.WriteAllBytes(layer, new byte[Tar.Length]);

        var again = await CliRunner.RunAsync(["pull", $"oci:{layout.Root}:latest", "--output", $"oci:{output}:v1"]);

        BadInputAssert.Accepted(again);
        Assert.Equal(Tar, File.ReadAllBytes(layer));
        BadInputAssert.Accepted(await CliRunner.RunAsync(["analyze", $"oci:{output}:v1"]));
    }
}
