using Strata.Images.Model;

namespace Strata.Images.Sources;

/// <summary>Pairs a config's diff_ids and history with the layer files a source lists.</summary>
internal static class LayerBlobs
{
    public static IReadOnlyList<LayerBlob> Build(
        IBlobContainer container,
        ImageConfig config,
        IReadOnlyList<(string Path, Descriptor? Descriptor)> layers,
        string context)
    {
        if (config.DiffIds.Count != layers.Count)
        {
            throw new StrataException(
                $"{context}: the config lists {config.DiffIds.Count} diff_ids but the manifest has {layers.Count} layers");
        }
        var commands = config.LayerCommands($"{context} config");
        var result = new List<LayerBlob>(layers.Count);
        for (var i = 0; i < layers.Count; i++)
        {
            var (path, descriptor) = layers[i];
            if (!container.Exists(path))
            {
                throw new StrataException($"{container.Name}: layer {i} blob '{path}' is missing");
            }
            var expected = descriptor?.Digest ?? DigestFromBlobPath(path);
            var isEStargz = descriptor?.Annotations?.ContainsKey("containerd.io/snapshot/stargz/toc.digest") == true;
            result.Add(new LayerBlob(
                i, path, expected, descriptor?.Size, descriptor?.MediaType, config.DiffIds[i], commands[i], isEStargz, container.Length(path),
                () => container.Open(path)));
        }
        return result;
    }

    /// <summary>A blob stored as <c>blobs/ALGORITHM/HEX</c> names its own digest (parsed as strictly as any other).</summary>
    internal static Digest? DigestFromBlobPath(string path)
    {
        var normalized = TarContainer.Normalize(path);
        var parts = normalized.Split('/');
        return parts.Length == 3 && parts[0] == "blobs" && Digest.TryParse($"{parts[1]}:{parts[2]}", out var digest)
            ? digest
            : null;
    }
}
