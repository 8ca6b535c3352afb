using System.IO.Compression;
using System.Text.Json.Nodes;
using Strata.Images.Model;
using Strata.Images.Output;
using Strata.Images.Sources;

namespace Strata.Images.Registry;

/// <summary>
/// Gzips the uncompressed layers of an image whose manifest Strata wrote itself (a docker archive, an engine's save)
/// before a push, as skopeo does: the layer descriptors then carry the gzip digest, size and media type, while the
/// config and its diff_ids stay as they are. The compressed layers live in temporary files until disposed.
/// </summary>
public sealed class GzipForPush : IDisposable
{
    private const string GzipLayer = "application/vnd.oci.image.layer.v1.tar+gzip";
    private static readonly HashSet<string> UncompressedLayers = new(StringComparer.Ordinal)
    {
        "application/vnd.oci.image.layer.v1.tar",
        "application/vnd.docker.image.rootfs.diff.tar",
    };

    private readonly List<TemporaryFile> _files = [];

    private GzipForPush(PreparedImage image) => Image = image;

    public PreparedImage Image { get; private set; }

    /// <param name="manifestIsOurs">True when the source had no manifest of its own; a source's manifest is pushed as it is.</param>
    public static GzipForPush Apply(PreparedImage image, bool manifestIsOurs)
    {
        var result = new GzipForPush(image);
        if (!manifestIsOurs || !image.Layers.Any(l => UncompressedLayers.Contains(l.Descriptor.MediaType)))
        {
            return result;
        }
        try
        {
            result.Compress();
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    private void Compress()
    {
        var manifest = JsonNode.Parse(Image.Manifest)!.AsObject();
        var descriptors = manifest["layers"]!.AsArray();
        var layers = new List<BlobToCopy>();
        for (var i = 0; i < Image.Layers.Count; i++)
        {
            var layer = Image.Layers[i];
            if (!UncompressedLayers.Contains(layer.Descriptor.MediaType))
            {
                layers.Add(layer);
                continue;
            }
            var file = new TemporaryFile();
            _files.Add(file);
            var descriptor = Gzip(layer, file.Path, i);
            descriptors[i] = new JsonObject
            {
                ["mediaType"] = descriptor.MediaType,
                ["digest"] = descriptor.Digest.ToString(),
                ["size"] = descriptor.Size,
            };
            var path = file.Path;
            layers.Add(new BlobToCopy(descriptor, () => File.OpenRead(path)));
        }
        var bytes = System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString());
        Image = Image with { Manifest = bytes, ManifestDigest = Digest.ComputeSha256(bytes), Layers = layers };
    }

    private static Descriptor Gzip(BlobToCopy layer, string path, int index)
    {
        Layers.HashingWriteStream hashed;
        using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            hashed = new Layers.HashingWriteStream(output, leaveOpen: false);
            using var gzip = new GZipStream(hashed, CompressionLevel.Optimal, leaveOpen: false);
            using var input = layer.Open();
            input.CopyTo(gzip, 1 << 16);
        }
        var size = new FileInfo(path).Length;
        if (size == 0)
        {
            throw new StrataException($"layer {index}: compressing it for the push produced nothing");
        }
        return new Descriptor(GzipLayer, hashed.Digest, size);
    }

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Dispose();
        }
        _files.Clear();
    }
}
