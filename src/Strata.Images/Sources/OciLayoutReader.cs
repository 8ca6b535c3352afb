using Strata.Images.Model;

namespace Strata.Images.Sources;

/// <summary>Resolves one image in an OCI image layout (a folder or the inside of an OCI archive).</summary>
public static class OciLayoutReader
{
    private const long MaxManifestBytes = 4 * 1024 * 1024;
    private const long MaxLayoutFileBytes = 64 * 1024;

    public static ResolvedImage Resolve(IBlobContainer container, ImageSelector selector, string name, IDisposable? owned)
    {
        CheckLayoutVersion(container);
        var index = ImageIndex.Parse(container.ReadSmall("index.json", MaxManifestBytes), $"{container.Name}: index.json");
        var top = PickByTag(index, selector.Tag, container.Name);
        var manifestDescriptor = PickManifest(container, top, selector.Platform, new IndexWalk($"{container.Name}: index.json"));
        var manifestBytes = ReadVerified(container, manifestDescriptor, "manifest");
        var manifest = ImageManifest.Parse(manifestBytes, $"{container.Name}: manifest {manifestDescriptor.Digest}");
        var configBytes = ReadVerified(container, manifest.Config, "config");
        var config = ImageConfig.Parse(configBytes, $"{container.Name}: config {manifest.Config.Digest}");
        if (selector.Platform is { } wanted && !wanted.Accepts(config.Platform))
        {
            throw new StrataException(
                $"{container.Name}: the image is for {config.Platform}, not {wanted}; platforms available: {config.Platform}");
        }
        var layers = new List<(string Path, Descriptor? Descriptor)>(manifest.Layers.Count);
        foreach (var layer in manifest.Layers)
        {
            layers.Add((layer.Digest.LayoutPath, layer));
        }
        var blobs = LayerBlobs.Build(container, config, layers, $"{container.Name}: manifest {manifestDescriptor.Digest}");
        return new ResolvedImage(name, manifestDescriptor.Digest, manifest.Config.Digest, config, blobs, owned)
        {
            Manifest = manifest,
            ServedBytes = manifestBytes,
        };
    }

    private static Descriptor PickByTag(ImageIndex index, string? tag, string where)
    {
        if (index.Manifests.Count == 0)
        {
            throw new StrataException($"{where}: index.json lists no images");
        }
        var tags = index.Manifests.Select(m => m.RefName).OfType<string>().Distinct().ToList();
        if (tag is null)
        {
            if (index.Manifests.Count == 1)
            {
                return index.Manifests[0];
            }
            throw new StrataException(
                $"{where}: holds {index.Manifests.Count} images; name one with :TAG (tags: {string.Join(", ", tags)})");
        }
        return index.Manifests.FirstOrDefault(m => m.RefName == tag)
            ?? index.Manifests.FirstOrDefault(m => m.RefName is { } r && r.EndsWith(":" + tag, StringComparison.Ordinal))
            ?? throw new StrataException(
                $"{where}: no image tagged '{tag}' (tags: {(tags.Count == 0 ? "none" : string.Join(", ", tags))})");
    }

    /// <summary><c>oci-layout</c> must be JSON naming an image layout version 1.x, the only one there is.</summary>
    private static void CheckLayoutVersion(IBlobContainer container)
    {
        if (!container.Exists("oci-layout"))
        {
            throw new StrataException($"{container.Name}: not an OCI image layout (no oci-layout file)");
        }
        var context = $"{container.Name}: oci-layout";
        using var document = JsonFields.Parse(container.ReadSmall("oci-layout", MaxLayoutFileBytes), context);
        var version = JsonFields.RequireString(JsonFields.RequireObject(document.RootElement, context), "imageLayoutVersion", context);
        if (!version.StartsWith("1.", StringComparison.Ordinal))
        {
            throw new StrataException($"{context}: imageLayoutVersion '{version}' is not supported (expected 1.x)");
        }
    }

    /// <summary>Follows indexes, nested ones too, down to one manifest for the wanted platform.</summary>
    private static Descriptor PickManifest(IBlobContainer container, Descriptor descriptor, Platform? wanted, IndexWalk walk)
    {
        walk.Enter(descriptor, depth: 0);
        if (!IsIndex(container, descriptor))
        {
            return descriptor;
        }
        var candidates = Flatten(container, descriptor, depth: 0, walk);
        return PlatformChooser.Choose(candidates, wanted, $"{container.Name}: index {descriptor.Digest}");
    }

    /// <summary>
    /// The manifests an index offers, with indexes inside it (which carry no platform of their own) opened up, each
    /// distinct one once.
    /// </summary>
    private static List<Descriptor> Flatten(IBlobContainer container, Descriptor indexDescriptor, int depth, IndexWalk walk)
    {
        var index = ImageIndex.Parse(ReadVerified(container, indexDescriptor, "index"), $"{container.Name}: index {indexDescriptor.Digest}");
        var result = new List<Descriptor>();
        foreach (var child in index.Manifests)
        {
            var firstVisit = walk.Enter(child, depth + 1);
            if (!firstVisit && !MediaTypes.IsManifest(child.MediaType))
            {
                continue;
            }
            if (child.Platform is null && IsIndex(container, child))
            {
                result.AddRange(Flatten(container, child, depth + 1, walk));
            }
            else
            {
                result.Add(child);
            }
        }
        return result;
    }

    private static bool IsIndex(IBlobContainer container, Descriptor descriptor)
    {
        if (MediaTypes.IsManifest(descriptor.MediaType))
        {
            return false;
        }
        if (MediaTypes.IsIndex(descriptor.MediaType))
        {
            return true;
        }
        return ImageManifest.LooksLikeIndex(ReadVerified(container, descriptor, "manifest"), $"{container.Name}: {descriptor.Digest}");
    }

    internal static byte[] ReadVerified(IBlobContainer container, Descriptor descriptor, string what)
    {
        var path = descriptor.Digest.LayoutPath;
        if (!container.Exists(path))
        {
            throw new StrataException($"{container.Name}: {what} blob {descriptor.Digest} is missing");
        }
        var bytes = container.ReadSmall(path, MaxManifestBytes);
        if (bytes.Length != descriptor.Size)
        {
            throw new StrataException(
                $"{container.Name}: {what} blob {descriptor.Digest} is {bytes.Length} bytes, the descriptor says {descriptor.Size}");
        }
        if (!descriptor.Digest.Matches(bytes))
        {
            throw new StrataException($"{container.Name}: {what} blob {descriptor.Digest} does not match its digest");
        }
        return bytes;
    }
}
