using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Cli.Tests.Slim;

/// <summary>What slim leaves on disk, and its summary, on small images.</summary>
public sealed class SlimOutputTests
{
    private static readonly string Mini = $"oci:{Path.Combine(Fixtures.RepositoryRoot, "examples", "wasteful-mini")}";

    private static async Task<JsonNode> SlimAsync(string source, string destination, params string[] options)
    {
        var result = await CliRunner.RunAsync(["slim", source, destination, "-f", "json", .. options]);
        CliAssert.ExitCode(0, result);
        return JsonNode.Parse(result.StandardOutputBytes)!;
    }

    [Fact]
    public async Task A_dry_run_prints_the_summary_and_leaves_the_folder_as_it_was()
    {
        using var work = new TempDirectory();

        var summary = await SlimAsync(Mini, $"oci:{work.File("out")}", "--dry-run");

        Assert.True(summary["dryRun"]!.GetValue<bool>());
        Assert.StartsWith("sha256:", summary["manifestDigest"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(work.Path));
    }

    [Fact]
    public async Task The_written_layout_holds_the_summarised_manifest_and_nothing_else_is_left_beside_it()
    {
        using var work = new TempDirectory();

        var summary = await SlimAsync(Mini, $"oci:{work.File("out")}:slim");

        var index = JsonNode.Parse(File.ReadAllText(work.File(Path.Combine("out", "index.json"))))!;
        Assert.Equal(summary["manifestDigest"]!.GetValue<string>(), index["manifests"]![0]!["digest"]!.GetValue<string>());
        Assert.Equal("slim", index["manifests"]![0]!["annotations"]!["org.opencontainers.image.ref.name"]!.GetValue<string>());
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(work.Path).Select(Path.GetFileName));
        Assert.True(summary["deadBytes"]!["before"]!.GetValue<long>() > 0);
        Assert.Equal(summary["deadBytesLeftInBase"]!.GetValue<long>(), summary["deadBytes"]!["after"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("multistage")]
    [InlineData("dive")]
    public async Task Slimming_twice_gives_the_same_digest_and_slimming_the_output_again_changes_nothing(string image)
    {
        using var work = new TempDirectory();
        var source = image == "dive" ? "docker-archive:" + Fixtures.Dive("test-docker-image.tar") : $"oci:{Fixtures.OciLayout}:{image}";

        var first = await SlimAsync(source, $"oci:{work.File("a")}");
        var second = await SlimAsync(source, $"oci:{work.File("b")}");
        var again = await SlimAsync($"oci:{work.File("a")}", $"oci:{work.File("c")}");

        Assert.Equal(first["manifestDigest"]!.GetValue<string>(), second["manifestDigest"]!.GetValue<string>());
        Assert.Equal(first["manifestDigest"]!.GetValue<string>(), again["manifestDigest"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_slim_config_keeps_the_history_rows_and_labels_what_was_removed()
    {
        using var work = new TempDirectory();
        var original = Config(Path.Combine(Fixtures.RepositoryRoot, "examples", "wasteful-mini"));

        var summary = await SlimAsync(Mini, $"oci:{work.File("out")}", "--drop", "caches");
        var slim = Config(work.File("out"));

        Assert.Equal(original["history"]!.AsArray().Count, slim["history"]!.AsArray().Count);
        Assert.Equal(
            original["history"]!.AsArray().Count(h => h!["empty_layer"]?.GetValue<bool>() != true),
            slim["history"]!.AsArray().Count(h => h!["empty_layer"]?.GetValue<bool>() != true) + summary["layers"]!["dropped"]!.AsArray().Count);
        Assert.Equal(slim["rootfs"]!["diff_ids"]!.AsArray().Count, slim["history"]!.AsArray().Count(h => h!["empty_layer"]?.GetValue<bool>() != true));
        Assert.Contains("caches", slim["config"]!["Labels"]!["dev.strata.slim"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(original["config"]!["Cmd"], slim["config"]!["Cmd"]));
        Assert.Equal(original["created"]?.ToJsonString(), slim["created"]?.ToJsonString());
    }

    [Fact]
    public async Task The_table_names_each_removal_with_its_bytes_and_every_path_it_took()
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(["slim", Mini, $"oci:{work.File("out")}", "--remove", "/app/*.py", "--dry-run"]);

        CliAssert.ExitCode(0, result);
        Assert.Contains("Removed (--remove /app/*.py)", result.Out, StringComparison.Ordinal);
        Assert.Contains("in 2 paths", result.Out, StringComparison.Ordinal);
        Assert.Contains("  /app/main.py", result.Out, StringComparison.Ordinal);
        Assert.Contains("  /app/main-copy.py", result.Out, StringComparison.Ordinal);
        Assert.Contains("Would write", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_keeps_the_summary_which_is_the_commands_output()
    {
        using var work = new TempDirectory();

        var result = await CliRunner.RunAsync(["slim", Mini, $"oci:{work.File("out")}", "-q"]);

        CliAssert.ExitCode(0, result);
        var index = JsonNode.Parse(File.ReadAllText(work.File(Path.Combine("out", "index.json"))))!;
        var digest = index["manifests"]![0]!["digest"]!.GetValue<string>();
        Assert.Contains(result.Out.Split('\n'), line => line.StartsWith("Manifest digest", StringComparison.Ordinal) && line.TrimEnd().EndsWith(digest, StringComparison.Ordinal));
        Assert.Equal("", result.Error);
    }

    /// <summary>The config of the one image of an OCI layout, read straight from its blobs.</summary>
    private static JsonNode Config(string layout)
    {
        JsonNode Blob(string digest) => JsonNode.Parse(File.ReadAllText(Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..])))!;
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(layout, "index.json")))!;
        var manifest = Blob(index["manifests"]![0]!["digest"]!.GetValue<string>());
        return Blob(manifest["config"]!["digest"]!.GetValue<string>());
    }
}
