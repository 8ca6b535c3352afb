using System.Text.Json;
using Strata.Images.Model;

namespace Strata.Images.Sources;

/// <summary>
/// Resolves one image in what <c>docker save</c> writes: the classic layout (a folder per layer), the Docker 25+
/// layout (<c>blobs/sha256</c> beside <c>manifest.json</c>) and kaniko's tarball (<c>*.tar.gz</c> layers).
/// </summary>
public static class DockerArchiveReader
{
    private sealed record Entry(string Config, IReadOnlyList<string> RepoTags, IReadOnlyList<string> Layers);

    public static ResolvedImage Resolve(IBlobContainer container, ImageSelector selector, string name, IDisposable? owned)
    {
        var context = $"{container.Name}: manifest.json";
        var entries = ParseManifest(container.ReadSmall("manifest.json"), context);
        var entry = Pick(entries, selector.Tag, context);
        var configBytes = container.ReadSmall(entry.Config);
        var configDigest = ConfigDigest(container, entry.Config, configBytes);
        var config = ImageConfig.Parse(configBytes, $"{container.Name}: config '{entry.Config}'");
        if (selector.Platform is { } wanted && !wanted.Accepts(config.Platform))
        {
            throw new StrataException(
                $"{container.Name}: the image is for {config.Platform}, not {wanted}; platforms available: {config.Platform}");
        }
        var layers = entry.Layers.Select(l => (l, (Descriptor?)null)).ToList();
        var blobs = LayerBlobs.Build(container, config, layers, context);
        return new ResolvedImage(name, FindManifestDigest(container, configDigest), configDigest, config, blobs, owned);
    }

    /// <summary>A config stored as <c>blobs/ALGORITHM/HEX</c> must hash to that name; one stored elsewhere is named by its sha256.</summary>
    private static Digest ConfigDigest(IBlobContainer container, string path, byte[] bytes)
    {
        if (LayerBlobs.DigestFromBlobPath(path) is not { } named)
        {
            return Digest.ComputeSha256(bytes);
        }
        return named.Matches(bytes)
            ? named
            : throw new StrataException($"{container.Name}: config '{path}' hashes to {Digest.Compute(named.Algorithm, bytes)}, not to the digest its name gives");
    }

    private static IReadOnlyList<Entry> ParseManifest(byte[] json, string context)
    {
        using var document = JsonFields.Parse(json, context);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new StrataException($"{context}: expected a JSON array");
        }
        var result = new List<Entry>();
        var i = 0;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var where = $"{context}: [{i++}]";
            JsonFields.RequireObject(item, where);
            var config = JsonFields.RequireString(item, "Config", where);
            var tags = JsonFields.OptionalArray(item, "RepoTags", where)
                .Select(t => t.GetString()).OfType<string>().ToList();
            var layers = JsonFields.OptionalArray(item, "Layers", where)
                .Select((l, j) => l.ValueKind == JsonValueKind.String
                    ? l.GetString()!
                    : throw new StrataException($"{where}: Layers[{j}] must be a string"))
                .ToList();
            result.Add(new Entry(config, tags, layers));
        }
        if (result.Count == 0)
        {
            throw new StrataException($"{context}: lists no images");
        }
        return result;
    }

    private static Entry Pick(IReadOnlyList<Entry> entries, string? nameTag, string context)
    {
        var allTags = entries.SelectMany(e => e.RepoTags).ToList();
        if (nameTag is null)
        {
            return entries.Count == 1
                ? entries[0]
                : throw new StrataException(
                    $"{context}: holds {entries.Count} images; name one with :NAME:TAG (tags: {string.Join(", ", allTags)})");
        }
        var wanted = NormalizeTag(nameTag);
        return entries.FirstOrDefault(e => e.RepoTags.Any(t => NormalizeTag(t) == wanted))
            ?? throw new StrataException(
                $"{context}: no image tagged '{nameTag}' (tags: {(allTags.Count == 0 ? "none" : string.Join(", ", allTags))})");
    }

    /// <summary><c>nginx</c>, <c>nginx:latest</c> and <c>docker.io/library/nginx:latest</c> name the same image.</summary>
    internal static string NormalizeTag(string reference)
    {
        var name = reference;
        var lastSlash = name.LastIndexOf('/');
        if (name.IndexOf(':', lastSlash + 1) < 0)
        {
            name += ":latest";
        }
        foreach (var prefix in new[] { "docker.io/library/", "docker.io/", "index.docker.io/library/", "index.docker.io/" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = name[prefix.Length..];
                break;
            }
        }
        return name.StartsWith("library/", StringComparison.Ordinal) ? name["library/".Length..] : name;
    }

    /// <summary>Docker 25+ archives also carry an OCI index; its manifest for this config gives the manifest digest.</summary>
    private static Digest? FindManifestDigest(IBlobContainer container, Digest configDigest)
    {
        if (!container.Exists("index.json") || !container.Exists("oci-layout"))
        {
            return null;
        }
        try
        {
            var index = ImageIndex.Parse(container.ReadSmall("index.json"), $"{container.Name}: index.json");
            foreach (var descriptor in index.Manifests.Where(m => MediaTypes.IsManifest(m.MediaType)))
            {
                var bytes = OciLayoutReader.ReadVerified(container, descriptor, "manifest");
                var manifest = ImageManifest.Parse(bytes, $"{container.Name}: manifest {descriptor.Digest}");
                if (manifest.Config.Digest == configDigest)
                {
                    return descriptor.Digest;
                }
            }
        }
        catch (StrataException)
        {
            // manifest.json is what docker load reads; a broken OCI index beside it only costs the manifest digest.
        }
        return null;
    }
}
