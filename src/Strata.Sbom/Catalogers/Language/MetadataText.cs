using System.Text;
using System.Text.Json;

namespace Strata.Sbom.Catalogers.Language;

/// <summary>Decodes metadata files: UTF-8 text (a byte-order mark dropped) and JSON documents.</summary>
internal static class MetadataText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    public static string Decode(ReadOnlySpan<byte> bytes) => Strict.GetString(bytes.StartsWith(Bom) ? bytes[Bom.Length..] : bytes);

    /// <summary>Parses a JSON document, tolerating comments and trailing commas as hand-edited files have them.</summary>
    public static JsonDocument ParseJson(ReadOnlyMemory<byte> bytes)
    {
        var json = bytes.Span.StartsWith(Bom) ? bytes[Bom.Length..] : bytes;
        if (json.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new MetadataException("empty file");
        }
        return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
    }

    /// <summary>A string property, or null when it is missing, not a string, or blank.</summary>
    public static string? String(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;
}
