using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using Strata.Images.Model;

namespace Strata.Images.Output;

/// <summary>
/// Writes a prepared image as an OCI layout (added to any images already there), an OCI archive, or a docker
/// archive in Docker 25+'s layout that both <c>docker load</c> and skopeo read. Archives are built in a
/// temporary folder beside the target and renamed into place whole. A blob with a local file (a cached layer) is
/// hard-linked from it where the file system allows, else copied; every blob is checked against its digest.
/// </summary>
public static class ImageWriter
{
    public static void Write(PreparedImage image, OutputTarget target, string? defaultTag)
    {
        var tag = target.Tag ?? defaultTag;
        switch (target.Kind)
        {
            case OutputKind.OciLayout:
                WriteLayout(image, target.Path, tag);
                break;
            case OutputKind.OciArchive:
                WriteArchive(target.Path, folder => WriteLayout(image, folder, tag));
                break;
            case OutputKind.DockerArchive:
                WriteArchive(target.Path, folder =>
                {
                    WriteLayout(image, folder, null);
                    WriteDockerManifest(image, folder, tag);
                });
                break;
        }
    }

    private static void WriteLayout(PreparedImage image, string folder, string? tag)
    {
        var blobs = Path.Combine(folder, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        foreach (var blob in image.Layers.Append(image.Config))
        {
            CopyBlob(blob, blobs);
        }
        var manifestPath = Path.Combine(blobs, image.ManifestDigest.Hex);
        if (!File.Exists(manifestPath))
        {
            AtomicFile.Write(manifestPath, s => s.Write(image.Manifest));
        }
        var layoutFile = Path.Combine(folder, "oci-layout");
        if (!File.Exists(layoutFile))
        {
            AtomicFile.Write(layoutFile, s => s.Write("""{"imageLayoutVersion":"1.0.0"}"""u8));
        }
        UpdateIndex(Path.Combine(folder, "index.json"), image, tag);
    }

    private static void CopyBlob(BlobToCopy blob, string blobs)
    {
        var path = Path.Combine(blobs, blob.Descriptor.Digest.Hex);
        if (File.Exists(path) && new FileInfo(path).Length == blob.Descriptor.Size)
        {
            return;
        }
        if (blob.LocalFile is { } local && AtomicFile.TryLink(local, path, linked => CheckLinked(blob, linked)))
        {
            return;
        }
        AtomicFile.Write(path, output =>
        {
            using var input = blob.Open();
            CopyVerified(blob.Descriptor, input, output);
        });
    }

    /// <summary>
    /// A linked blob is the cached file itself: hashed as a copy would be, unless this process verified that very
    /// file already (it downloaded it just now); marked used either way, as reading it from the cache does.
    /// </summary>
    private static void CheckLinked(BlobToCopy blob, string linked)
    {
        if (!blob.Verified || new FileInfo(linked).Length != blob.Descriptor.Size)
        {
            using var input = new FileStream(linked, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
            CopyVerified(blob.Descriptor, input, Stream.Null);
        }
        try
        {
            File.SetLastWriteTimeUtc(linked, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Copies <paramref name="input"/> to <paramref name="output"/>, hashing it; throws unless it is the blob the descriptor names.</summary>
    private static void CopyVerified(Descriptor descriptor, Stream input, Stream output)
    {
        using var hashing = new Layers.HashingReadStream(input);
        hashing.CopyTo(output, 1 << 16);
        if (hashing.BytesRead != descriptor.Size || hashing.Digest != descriptor.Digest)
        {
            throw new StrataException($"blob {descriptor.Digest}: read {hashing.BytesRead} bytes hashing to {hashing.Digest}; not written");
        }
    }

    /// <summary>Adds the image to index.json, replacing an image of the same tag.</summary>
    private static void UpdateIndex(string path, PreparedImage image, string? tag)
    {
        var index = File.Exists(path)
            ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new StrataException($"{path}: not a JSON object")
            : new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = MediaTypes.OciIndex, ["manifests"] = new JsonArray() };
        var manifests = index["manifests"] as JsonArray ?? [];
        index["manifests"] = manifests;
        foreach (var existing in manifests.OfType<JsonObject>().ToList())
        {
            var existingTag = existing["annotations"]?[Descriptor.RefNameAnnotation]?.GetValue<string>();
            var sameUntagged = tag is null && existingTag is null && existing["digest"]?.GetValue<string>() == image.ManifestDigest.ToString();
            if ((tag is not null && existingTag == tag) || sameUntagged)
            {
                manifests.Remove(existing);
            }
        }
        var entry = new JsonObject
        {
            ["mediaType"] = image.ManifestMediaType,
            ["digest"] = image.ManifestDigest.ToString(),
            ["size"] = image.Manifest.Length,
        };
        if (tag is not null)
        {
            entry["annotations"] = new JsonObject { [Descriptor.RefNameAnnotation] = tag };
        }
        manifests.Add(entry);
        AtomicFile.Write(path, s => s.Write(Encoding.UTF8.GetBytes(index.ToJsonString())));
    }

    private static void WriteDockerManifest(PreparedImage image, string folder, string? repoTag)
    {
        var manifest = new JsonArray(new JsonObject
        {
            ["Config"] = $"blobs/sha256/{image.Config.Descriptor.Digest.Hex}",
            ["RepoTags"] = repoTag is null ? new JsonArray() : new JsonArray(repoTag),
            ["Layers"] = new JsonArray(image.Layers.Select(l => (JsonNode)$"blobs/sha256/{l.Descriptor.Digest.Hex}").ToArray()),
        });
        AtomicFile.Write(Path.Combine(folder, "manifest.json"), s => s.Write(Encoding.UTF8.GetBytes(manifest.ToJsonString())));
    }

    private static void WriteArchive(string path, Action<string> fill)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
        {
            throw new StrataException($"{path}: the folder '{directory}' does not exist");
        }
        var staging = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.d");
        try
        {
            fill(staging);
            AtomicFile.Write(path, output =>
            {
                using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
                foreach (var file in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetRelativePath(staging, file).Replace('\\', '/');
                    writer.WriteEntry(file, name);
                }
            });
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
