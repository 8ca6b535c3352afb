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
        foreach (var blob in image.Layers.Append(image.Config))
        {
            CopyBlob(blob, folder);
        }
        var manifestPath = BlobPath(folder, image.ManifestDigest);
        if (!IsSoundBlob(manifestPath, image.ManifestDigest, image.Manifest.Length))
        {
            AtomicFile.Write(manifestPath, s => s.Write(image.Manifest));
        }
        var layoutFile = Path.Combine(folder, "oci-layout");
        if (!IsRegularNotLink(layoutFile))
        {
            AtomicFile.Write(layoutFile, s => s.Write("""{"imageLayoutVersion":"1.0.0"}"""u8));
        }
        OciIndexFile.Update(Path.Combine(folder, "index.json"), image, tag);
    }

    /// <summary>Where a layout keeps a blob: built only from a parsed digest, so it stays inside <paramref name="folder"/>.</summary>
    private static string BlobPath(string folder, Digest digest)
    {
        var blobs = Path.Combine(folder, "blobs", digest.Algorithm);
        Directory.CreateDirectory(blobs);
        return Path.Combine(blobs, digest.Hex);
    }

    private static void CopyBlob(BlobToCopy blob, string folder)
    {
        var path = BlobPath(folder, blob.Descriptor.Digest);
        if (IsSoundBlob(path, blob.Descriptor.Digest, blob.Descriptor.Size))
        {
            return;
        }
        try
        {
            if (blob.LocalFile is { } local && AtomicFile.TryLink(local, path, linked => CheckLinked(blob, linked)))
            {
                return;
            }
            AtomicFile.Write(path, output =>
            {
                using var input = blob.Open();
                input.CopyTo(output, 1 << 16);
            });
        }
        catch (StrataException e)
        {
            throw new StrataException($"{e.Message}; not written", e);
        }
    }

    /// <summary>
    /// An output blob already there is kept only when it is a regular file of its own (not a link to elsewhere) that
    /// hashes to its digest; anything else is written anew over it.
    /// </summary>
    private static bool IsSoundBlob(string path, Digest digest, long size)
    {
        if (!IsRegularNotLink(path) || new FileInfo(path).Length != size)
        {
            return false;
        }
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var hashing = new Layers.HashingReadStream(input, algorithm: digest.Algorithm);
        hashing.Drain();
        return hashing.BytesRead == size && hashing.Digest == digest;
    }

    private static bool IsRegularNotLink(string path) => new FileInfo(path).LinkTarget is null && IO.FileKind.IsRegular(path);

    /// <summary>
    /// A linked blob is the cached file itself: hashed as a copy would be, unless this process verified that very
    /// file already (it downloaded it just now); marked used either way, as reading it from the cache does.
    /// </summary>
    private static void CheckLinked(BlobToCopy blob, string linked)
    {
        if (!blob.Verified || new FileInfo(linked).Length != blob.Descriptor.Size)
        {
            var file = new FileStream(linked, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
            using var input = new VerifyingReadStream(file, blob.Descriptor, $"blob {blob.Descriptor.Digest}");
            input.CopyTo(Stream.Null, 1 << 16);
        }
        try
        {
            File.SetLastWriteTimeUtc(linked, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static void WriteDockerManifest(PreparedImage image, string folder, string? repoTag)
    {
        var manifest = new JsonArray(new JsonObject
        {
            ["Config"] = image.Config.Descriptor.Digest.LayoutPath,
            ["RepoTags"] = repoTag is null ? new JsonArray() : new JsonArray(repoTag),
            ["Layers"] = new JsonArray(image.Layers.Select(l => (JsonNode)l.Descriptor.Digest.LayoutPath).ToArray()),
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
