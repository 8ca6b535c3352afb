using Strata.Images.Cache;
using Strata.Images.Model;
using Strata.Images.Sources;

namespace Strata.Images.Registry;

/// <summary>Resolves an image in a registry; layers stream from the cache when it has them, else from the network into it.</summary>
public static class RegistrySource
{
    private const long MaxConfigBytes = 16 * 1024 * 1024;

    public static async Task<ResolvedImage> ResolveAsync(
        RegistryClient client, BlobCache cache, RegistryReference reference, ImageSelector selector, CancellationToken cancellationToken)
    {
        var top = await client.GetManifestAsync(reference, reference.ManifestReference, cancellationToken);
        var manifestResponse = top;
        IReadOnlyList<Platform> platforms = [];
        if (MediaTypes.IsIndex(top.MediaType))
        {
            var walk = new IndexWalk($"{reference}: index {top.Digest}");
            var candidates = await FlattenAsync(client, reference, ImageIndex.Parse(top.Bytes, $"{reference}: index"), 0, walk, cancellationToken);
            platforms = candidates.Select(m => m.Platform).OfType<Platform>().Where(p => p.Os != "unknown").ToList();
            var chosen = PlatformChooser.Choose(candidates, selector.Platform, $"{reference}: index {top.Digest}");
            manifestResponse = await client.GetManifestAsync(reference, chosen.Digest.ToString(), cancellationToken);
            if (manifestResponse.Digest != chosen.Digest)
            {
                throw new StrataException($"{reference}: manifest {chosen.Digest} hashes to {manifestResponse.Digest}");
            }
        }
        var manifest = ImageManifest.Parse(manifestResponse.Bytes, $"{reference}: manifest {manifestResponse.Digest}");
        var configBytes = await ReadConfigAsync(client, cache, reference, manifest.Config, cancellationToken);
        var config = ImageConfig.Parse(configBytes, $"{reference}: config {manifest.Config.Digest}");
        if (selector.Platform is { } wanted && platforms.Count == 0 && !wanted.Accepts(config.Platform))
        {
            throw new StrataException($"{reference}: the image is for {config.Platform}, not {wanted}; platforms available: {config.Platform}");
        }
        if (config.DiffIds.Count != manifest.Layers.Count)
        {
            throw new StrataException(
                $"{reference}: the config lists {config.DiffIds.Count} diff_ids but the manifest has {manifest.Layers.Count} layers");
        }
        client.RememberBlobs(reference, manifest.Layers.Select(l => l.Digest).Append(manifest.Config.Digest));
        var commands = config.LayerCommands($"{reference}: config");
        var layers = manifest.Layers.Select((descriptor, i) =>
        {
            var cached = cache.Contains(descriptor.Digest, descriptor.Size);
            return new LayerBlob(
                i,
                $"{reference.Registry}/{reference.Repository}@{descriptor.Digest}",
                descriptor.Digest,
                descriptor.Size,
                descriptor.MediaType,
                config.DiffIds[i],
                commands[i],
                descriptor.Annotations?.ContainsKey("containerd.io/snapshot/stargz/toc.digest") == true,
                descriptor.Size,
                () => cache.Contains(descriptor.Digest, descriptor.Size)
                    ? cache.OpenRead(descriptor.Digest)
                    : new RegistryBlobStream(client, reference, descriptor, cache, maxResumes: 5, cancellationToken),
                cached ? LayerOrigin.Cache : LayerOrigin.Network);
        }).ToList();
        return new ResolvedImage(reference.ToString(), manifestResponse.Digest, manifest.Config.Digest, config, layers, null)
        {
            Manifest = manifest,
            IndexPlatforms = platforms,
            IndexDigest = MediaTypes.IsIndex(top.MediaType) ? top.Digest : null,
            ServedBytes = top.Bytes,
        };
    }

    /// <summary>
    /// The manifests an index offers, with indexes inside it (which carry no platform of their own) fetched and opened
    /// up, each distinct one once, within the walk's bounds.
    /// </summary>
    private static async Task<List<Descriptor>> FlattenAsync(
        RegistryClient client, RegistryReference reference, ImageIndex index, int depth, IndexWalk walk, CancellationToken cancellationToken)
    {
        var result = new List<Descriptor>();
        foreach (var child in index.Manifests)
        {
            var firstVisit = walk.Enter(child, depth + 1);
            if (child.Platform is not null || !MediaTypes.IsIndex(child.MediaType))
            {
                result.Add(child);
            }
            else if (firstVisit)
            {
                var nested = await client.GetManifestAsync(reference, child.Digest.ToString(), cancellationToken);
                var context = $"{reference}: index {child.Digest}";
                result.AddRange(await FlattenAsync(client, reference, ImageIndex.Parse(nested.Bytes, context), depth + 1, walk, cancellationToken));
            }
        }
        return result;
    }

    private static async Task<byte[]> ReadConfigAsync(
        RegistryClient client, BlobCache cache, RegistryReference reference, Descriptor descriptor, CancellationToken cancellationToken)
    {
        if (descriptor.Size > MaxConfigBytes)
        {
            throw new StrataException($"{reference}: config {descriptor.Digest} is {descriptor.Size} bytes, over the {MaxConfigBytes}-byte limit");
        }
        if (cache.TryReadSmall(descriptor.Digest, descriptor.Size) is { } cached)
        {
            return cached;
        }
        using var response = await client.OpenBlobAsync(reference, descriptor.Digest, 0, cancellationToken, streaming: false);
        var bytes = await RegistryClient.ReadLimitedAsync(response, MaxConfigBytes, $"{reference}: config {descriptor.Digest}", cancellationToken);
        if (bytes.Length != descriptor.Size || !descriptor.Digest.Matches(bytes))
        {
            throw new StrataException($"{reference.Registry}/{reference.Repository}: config blob {descriptor.Digest} does not match its digest or size");
        }
        cache.Put(descriptor.Digest, bytes);
        return bytes;
    }
}
