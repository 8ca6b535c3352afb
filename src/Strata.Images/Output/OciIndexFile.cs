using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Images.Model;

namespace Strata.Images.Output;

/// <summary>
/// The <c>index.json</c> of an output layout: an image is added to what is there, replacing one of the same tag.
/// What is there was written by someone else and is read as carefully as any image file.
/// </summary>
internal static class OciIndexFile
{
    private const long MaxBytes = 4 * 1024 * 1024;
    private const int MaxDepth = 64;

    public static void Update(string path, PreparedImage image, string? tag)
    {
        var index = File.Exists(path) || new FileInfo(path).LinkTarget is not null
            ? ReadExisting(path)
            : new JsonObject { ["schemaVersion"] = 2, ["mediaType"] = MediaTypes.OciIndex, ["manifests"] = new JsonArray() };
        if (index["manifests"] is not JsonArray manifests)
        {
            if (index["manifests"] is not null)
            {
                throw new StrataException($"{path}: field 'manifests' must be an array");
            }
            manifests = [];
            index["manifests"] = manifests;
        }
        foreach (var existing in manifests.ToList())
        {
            var existingTag = existing?["annotations"] is JsonObject annotations ? Text(annotations[Descriptor.RefNameAnnotation]) : null;
            var sameUntagged = tag is null && existingTag is null && Text(existing?["digest"]) == image.ManifestDigest.ToString();
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

    private static JsonObject ReadExisting(string path)
    {
        IO.FileKind.RequireRegular(path, $"{path}: the existing index.json");
        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw new StrataException($"{path}: the existing index.json is {length} bytes, over the {MaxBytes}-byte limit");
        }
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(File.ReadAllBytes(path), documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw new StrataException($"{path}: the existing index.json is not valid JSON ({e.Message})");
        }
        return parsed as JsonObject ?? throw new StrataException($"{path}: the existing index.json is not a JSON object");
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
