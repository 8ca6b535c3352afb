using System.Globalization;
using System.Text.Json;
using Strata.Images;

namespace Strata.Sbom.Input;

/// <summary>
/// Reads a JSON document a user names (an SBOM, a VEX file) within a size and depth bound, and its fields strictly:
/// a field of the wrong JSON type is an error naming the file and the field's path.
/// </summary>
public static class JsonInput
{
    public static JsonDocument Load(string path, long maxBytes, string what)
    {
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (stream.Length > maxBytes)
            {
                throw new StrataException(string.Create(CultureInfo.InvariantCulture, $"{path}: the {what} is {stream.Length:N0} bytes, more than the {maxBytes:N0} allowed"));
            }
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StrataException($"{path}: cannot read the {what}: {e.Message}");
        }
        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new StrataException($"{path}: not a JSON {what}: {e.Message}");
        }
    }

    /// <summary>A string field, or null when absent or JSON null; any other type is an error.</summary>
    public static string? String(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new StrataException($"{where}.{name}: expected a string, found {Kind(value)}");
    }

    public static string RequiredString(JsonElement element, string name, string where) =>
        String(element, name, where) is { Length: > 0 } value ? value : throw new StrataException($"{where}.{name}: missing or empty");

    /// <summary>An array field's items, empty when absent; any other type is an error.</summary>
    public static IEnumerable<JsonElement> Array(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        return value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new StrataException($"{where}.{name}: expected an array, found {Kind(value)}");
    }

    /// <summary>An object field, or null when absent; any other type is an error.</summary>
    public static JsonElement? Object(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw new StrataException($"{where}.{name}: expected an object, found {Kind(value)}");
    }

    public static void RequireObject(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new StrataException($"{where}: expected an object, found {Kind(element)}");
        }
    }

    /// <summary>The JSON type in words, for messages (never a .NET type name).</summary>
    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
