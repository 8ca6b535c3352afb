using System.Text.Json;

namespace Strata.Images.Model;

/// <summary>Reads typed fields out of image JSON, failing with the file and field named.</summary>
internal static class JsonFields
{
    public static JsonDocument Parse(ReadOnlyMemory<byte> json, string context)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new StrataException($"{context}: invalid JSON ({e.Message})");
        }
    }

    public static JsonElement RequireObject(JsonElement element, string context)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new StrataException($"{context}: expected a JSON object");
        }
        return element;
    }

    public static string? OptionalString(JsonElement obj, string name, string context)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new StrataException($"{context}: field '{name}' must be a string");
        }
        return value.GetString();
    }

    public static string RequireString(JsonElement obj, string name, string context) =>
        OptionalString(obj, name, context) ?? throw new StrataException($"{context}: field '{name}' is missing");

    public static long RequireLong(JsonElement obj, string name, string context)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            throw new StrataException($"{context}: field '{name}' is missing");
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < 0)
        {
            throw new StrataException($"{context}: field '{name}' must be a non-negative integer");
        }
        return number;
    }

    public static bool OptionalBool(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static IEnumerable<JsonElement> OptionalArray(JsonElement obj, string name, string context)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new StrataException($"{context}: field '{name}' must be an array");
        }
        return value.EnumerateArray();
    }

    /// <summary>
    /// Each element of an optional array mapped with its index, in order (none when the field is absent). A loop rather
    /// than LINQ over the elements, whose code for this value type would be compiled at run time on every start.
    /// </summary>
    public static List<T> MapArray<T>(JsonElement obj, string name, string context, Func<JsonElement, int, T> map)
    {
        var result = new List<T>();
        foreach (var element in OptionalArray(obj, name, context))
        {
            result.Add(map(element, result.Count));
        }
        return result;
    }

    public static Descriptor ReadDescriptor(JsonElement element, string context)
    {
        RequireObject(element, context);
        var mediaType = OptionalString(element, "mediaType", context) ?? "";
        var digest = Digest.Parse(RequireString(element, "digest", context), $"{context}: field 'digest'");
        var size = RequireLong(element, "size", context);
        Platform? platform = null;
        if (element.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            platform = new Platform(
                OptionalString(p, "os", context) ?? "",
                OptionalString(p, "architecture", context) ?? "",
                OptionalString(p, "variant", context));
        }
        Dictionary<string, string>? annotations = null;
        if (element.TryGetProperty("annotations", out var a) && a.ValueKind == JsonValueKind.Object)
        {
            annotations = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var x in a.EnumerateObject())
            {
                if (x.Value.ValueKind == JsonValueKind.String)
                {
                    annotations[x.Name] = x.Value.GetString()!;
                }
            }
        }
        return new Descriptor(mediaType, digest, size, platform, annotations);
    }
}
