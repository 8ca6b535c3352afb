namespace Strata.Images.Model;

/// <summary>An OCI or Docker v2 image manifest. The raw bytes are kept: its digest is computed over them.</summary>
public sealed record ImageManifest(string MediaType, Descriptor Config, IReadOnlyList<Descriptor> Layers, ReadOnlyMemory<byte> Raw)
{
    public static ImageManifest Parse(ReadOnlyMemory<byte> json, string context)
    {
        using var document = JsonFields.Parse(json, context);
        var root = JsonFields.RequireObject(document.RootElement, context);
        var mediaType = JsonFields.OptionalString(root, "mediaType", context) ?? MediaTypes.OciManifest;
        if (MediaTypes.IsIndex(mediaType))
        {
            throw new StrataException($"{context}: is an image index, not a manifest");
        }
        if (!root.TryGetProperty("config", out var config))
        {
            throw new StrataException($"{context}: field 'config' is missing");
        }
        var configDescriptor = JsonFields.ReadDescriptor(config, $"{context}: config");
        var layers = JsonFields.MapArray(root, "layers", context, (l, i) => JsonFields.ReadDescriptor(l, $"{context}: layers[{i}]"));
        return new ImageManifest(mediaType, configDescriptor, layers, json);
    }

    /// <summary>Whether a JSON document is an index rather than a manifest, by media type or shape.</summary>
    public static bool LooksLikeIndex(ReadOnlyMemory<byte> json, string context)
    {
        using var document = JsonFields.Parse(json, context);
        var root = JsonFields.RequireObject(document.RootElement, context);
        var mediaType = JsonFields.OptionalString(root, "mediaType", context);
        return MediaTypes.IsIndex(mediaType) || (mediaType is null && root.TryGetProperty("manifests", out _));
    }
}
