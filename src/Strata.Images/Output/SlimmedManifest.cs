using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Images.Model;

namespace Strata.Images.Output;

/// <summary>
/// The OCI manifest of a slimmed image. The source manifest's own annotations are kept; Docker media types become
/// their OCI equals (the bytes, and so the digests of shared base layers, do not change).
/// </summary>
public static class SlimmedManifest
{
    public const string BaseDigestAnnotation = "org.opencontainers.image.base.digest";
    public const string BaseNameAnnotation = "org.opencontainers.image.base.name";

    public static byte[] Build(ImageManifest? source, Descriptor config, IReadOnlyList<Descriptor> layers, string? baseDigest, string? baseName)
    {
        var annotations = SourceAnnotations(source);
        if (baseDigest is not null)
        {
            annotations[BaseDigestAnnotation] = baseDigest;
            if (baseName is not null)
            {
                annotations[BaseNameAnnotation] = baseName;
            }
        }
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.OciManifest,
            ["config"] = DescriptorJson(config with { MediaType = "application/vnd.oci.image.config.v1+json" }),
            ["layers"] = new JsonArray(layers.Select(l => (JsonNode)DescriptorJson(l with { MediaType = OciLayerType(l.MediaType) })).ToArray()),
        };
        if (annotations.Count > 0)
        {
            manifest["annotations"] = annotations;
        }
        return JsonSerializer.SerializeToUtf8Bytes(manifest);
    }

    /// <summary>The OCI media type for a layer's bytes, whichever spelling the source used.</summary>
    public static string OciLayerType(string mediaType) => mediaType switch
    {
        "application/vnd.docker.image.rootfs.diff.tar.gzip" => "application/vnd.oci.image.layer.v1.tar+gzip",
        "application/vnd.docker.image.rootfs.diff.tar.zstd" => "application/vnd.oci.image.layer.v1.tar+zstd",
        "application/vnd.docker.image.rootfs.diff.tar" => "application/vnd.oci.image.layer.v1.tar",
        _ => mediaType,
    };

    private static JsonObject SourceAnnotations(ImageManifest? source)
    {
        if (source is null)
        {
            return [];
        }
        using var document = JsonDocument.Parse(source.Raw);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("annotations", out var annotations) && annotations.ValueKind == JsonValueKind.Object
            ? JsonNode.Parse(annotations.GetRawText())!.AsObject()
            : [];
    }

    /// <summary>A descriptor as the manifest lists it; a kept layer's own annotations (an eStargz table of contents, say) go with it.</summary>
    private static JsonObject DescriptorJson(Descriptor descriptor)
    {
        var json = new JsonObject
        {
            ["mediaType"] = descriptor.MediaType,
            ["digest"] = descriptor.Digest.ToString(),
            ["size"] = descriptor.Size,
        };
        if (descriptor.Annotations is { Count: > 0 } annotations)
        {
            json["annotations"] = new JsonObject(annotations.OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value)));
        }
        return json;
    }
}
