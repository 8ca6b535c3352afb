using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>What every rejected input must give: exit 2, one clear message naming the culprit, no stack trace.</summary>
public static partial class BadInputAssert
{
    /// <summary>A test that hangs fails after this long instead of blocking the run.</summary>
    public const int Timeout = 60_000;

    /// <summary>Exit 2 and a <c>strata: error:</c> line holding every one of <paramref name="named"/>.</summary>
    public static void Rejected(CliResult result, params string[] named)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(result.Error);
        CliAssert.ExitCode(2, result);
        NoStackTrace(result);
        var line = result.Error.Split('\n').FirstOrDefault(l => l.StartsWith("strata: error: ", StringComparison.Ordinal));
        Assert.True(line is not null, $"no 'strata: error:' line on stderr:\n{result.Error}");
        Assert.DoesNotContain("unexpected ", line, StringComparison.Ordinal);
        foreach (var name in named)
        {
            Assert.True(line.Contains(name, StringComparison.Ordinal), $"the error does not name '{name}':\n{line}");
        }
    }

    /// <summary>Exit 0, no error line, no stack trace.</summary>
    public static void Accepted(CliResult result)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(result.Error);
        CliAssert.ExitCode(0, result);
        NoStackTrace(result);
        Assert.DoesNotContain("strata: error:", result.Error, StringComparison.Ordinal);
    }

    public static void NoStackTrace(CliResult result)
    {
        foreach (var text in new[] { result.Error, result.Out })
        {
            Assert.False(StackFrame().IsMatch(text), $"a stack trace was printed:\n{text}");
        }
    }

    [GeneratedRegex(@"^\s+at ", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}

/// <summary>Hand-made and hand-broken images for the bad-input tests.</summary>
public static class BadImages
{
    /// <summary>
    /// Writes a docker save archive (manifest.json, config.json, layers/N.tar) from uncompressed layer tars, letting a test
    /// break the config or the manifest first. Returns the archive's path.
    /// </summary>
    public static string DockerArchive(
        TempDirectory temp,
        IReadOnlyList<byte[]> layers,
        Action<JsonObject>? editConfig = null,
        Action<JsonObject>? editManifest = null,
        byte[]? rawConfig = null)
    {
        var folder = Path.Combine(temp.Path, "docker-archive");
        Directory.CreateDirectory(Path.Combine(folder, "layers"));
        var layerPaths = new JsonArray();
        var diffIds = new JsonArray();
        var history = new JsonArray();
        for (var i = 0; i < layers.Count; i++)
        {
            File.WriteAllBytes(Path.Combine(folder, "layers", $"{i}.tar"), layers[i]);
            layerPaths.Add($"layers/{i}.tar");
            diffIds.Add(OciImageBuilder.Sha256(layers[i]));
            history.Add(new JsonObject { ["created_by"] = $"step {i}" });
        }
        var config = new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = diffIds },
            ["history"] = history,
        };
        editConfig?.Invoke(config);
        File.WriteAllBytes(Path.Combine(folder, "config.json"), rawConfig ?? Encoding.UTF8.GetBytes(config.ToJsonString()));
        var entry = new JsonObject
        {
            ["Config"] = "config.json",
            ["RepoTags"] = new JsonArray("bad/image:latest"),
            ["Layers"] = layerPaths,
        };
        editManifest?.Invoke(entry);
        File.WriteAllText(Path.Combine(folder, "manifest.json"), new JsonArray(entry).ToJsonString());
        return TarArchive.Pack(folder, temp.File("image.docker.tar"));
    }

    /// <summary>A small, valid layer.</summary>
    public static byte[] SmallLayer() =>
        new LayerBuilder().Directory("etc").File("etc/hostname", "strata\n").ToTar();

    /// <summary>The manifest of the one image in an OCI layout, and where it is stored.</summary>
    public static (JsonObject Manifest, string Path) Manifest(string layout)
    {
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(layout, "index.json")))!.AsObject();
        var digest = (string)index["manifests"]![0]!["digest"]!;
        var path = BlobPath(layout, digest);
        return (JsonNode.Parse(File.ReadAllText(path))!.AsObject(), path);
    }

    public static string BlobPath(string layout, string digest) => Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]);

    public static string ConfigDigest(string layout) => (string)Manifest(layout).Manifest["config"]!["digest"]!;

    public static string LayerDigest(string layout, int index) => (string)Manifest(layout).Manifest["layers"]![index]!["digest"]!;

    /// <summary>
    /// Stores <paramref name="config"/> as the image's config with every digest up the chain (manifest, index) made right,
    /// so that only the config itself is wrong. Returns the config's digest.
    /// </summary>
    public static string ReplaceConfig(string layout, byte[] config)
    {
        var digest = OciImageBuilder.Sha256(config);
        File.WriteAllBytes(BlobPath(layout, digest), config);
        EditManifest(layout, manifest =>
        {
            manifest["config"]!["digest"] = digest;
            manifest["config"]!["size"] = config.Length;
        });
        return digest;
    }

    /// <summary>Stores <paramref name="blob"/> as layer <paramref name="index"/>, with its descriptor (and the chain above) made right.</summary>
    public static string ReplaceLayer(string layout, int index, byte[] blob)
    {
        var digest = OciImageBuilder.Sha256(blob);
        File.Delete(BlobPath(layout, LayerDigest(layout, index)));
        File.WriteAllBytes(BlobPath(layout, digest), blob);
        EditManifest(layout, manifest =>
        {
            manifest["layers"]![index]!["digest"] = digest;
            manifest["layers"]![index]!["size"] = blob.Length;
        });
        return digest;
    }

    /// <summary>Changes the image manifest and stores it under its new digest, which index.json then names.</summary>
    private static void EditManifest(string layout, Action<JsonObject> edit)
    {
        var (manifest, oldPath) = Manifest(layout);
        edit(manifest);
        var manifestBytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        var manifestDigest = OciImageBuilder.Sha256(manifestBytes);
        File.Delete(oldPath);
        File.WriteAllBytes(BlobPath(layout, manifestDigest), manifestBytes);
        var indexPath = Path.Combine(layout, "index.json");
        var index = JsonNode.Parse(File.ReadAllText(indexPath))!.AsObject();
        index["manifests"]![0]!["digest"] = manifestDigest;
        index["manifests"]![0]!["size"] = manifestBytes.Length;
        File.WriteAllText(indexPath, index.ToJsonString());
    }

    /// <summary>
    /// Copies the archive at <paramref name="source"/> cut short in the middle of its largest entry's data.
    /// Returns the name of that entry.
    /// </summary>
    public static string TruncateInsideLargestEntry(string source, string destination)
    {
        string? name = null;
        long offset = 0;
        long length = -1;
        using (var stream = File.OpenRead(source))
        using (var reader = new TarReader(stream))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if ((entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile) && entry.Length > length)
                {
                    (name, offset, length) = (entry.Name, entry.DataOffset, entry.Length);
                }
            }
        }
        Assert.True(name is not null && length > 1, $"{source} has no file to cut");
        var bytes = File.ReadAllBytes(source);
        File.WriteAllBytes(destination, bytes[..(int)(offset + (length / 2))]);
        return name;
    }
}
