using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Strata.Sbom.Output;

/// <summary>What the standard-format writers share: the JSON writer's settings, flushing as they go, and UTC times.</summary>
internal static class SbomJson
{
    /// <summary>Indented, and with '+' and non-ASCII written as they are (purls and versions stay readable).</summary>
    public static Utf8JsonWriter Open(Stream output) =>
        new(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Hands what is buffered to the stream once it passes a megabyte, so big documents are never held whole.</summary>
    public static void FlushIfFull(Utf8JsonWriter json) => Images.Output.JsonWriting.FlushIfFull(json);

    /// <summary>ISO 8601 in UTC to the second: <c>2024-05-01T12:00:00Z</c> (what both CycloneDX and SPDX accept).</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A property whose value may be missing: written only when there is one.</summary>
    public static void WriteOptional(this Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json.WriteString(name, value);
        }
    }
}
