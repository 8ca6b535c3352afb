using System.Text.Encodings.Web;
using System.Text.Json;

namespace Strata.Dockerfile.Advice;

/// <summary>
/// Findings as the JSON <c>strata lint</c> and <c>strata advise</c> share: an array of objects with exactly
/// <c>id</c>, <c>hadolint</c>, <c>severity</c>, <c>title</c>, <c>message</c>, <c>line</c>, <c>layerIndex</c>,
/// <c>bytes</c>, <c>paths</c> and <c>fix</c>, in the order given. Absent values are written as null, never left out,
/// so every object has the same keys.
/// </summary>
public static class AdviceJsonWriter
{
    private const int FlushThreshold = 1 << 20;

    public static void Write(IReadOnlyList<Advice> findings, Stream output)
    {
        ArgumentNullException.ThrowIfNull(findings);
        // Indented, with non-ASCII as it is, as Strata's other JSON writers write it.
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartArray();
        foreach (var finding in findings)
        {
            WriteFinding(json, finding);
            if (json.BytesPending > FlushThreshold)
            {
                json.Flush();
            }
        }
        json.WriteEndArray();
    }

    /// <summary>The severity as the JSON spells it: <c>info</c>, <c>warning</c> or <c>error</c>.</summary>
    public static string SeverityName(AdviceSeverity severity) => severity switch
    {
        AdviceSeverity.Info => "info",
        AdviceSeverity.Warning => "warning",
        AdviceSeverity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    private static void WriteFinding(Utf8JsonWriter json, Advice finding)
    {
        json.WriteStartObject();
        json.WriteString("id", finding.Id);
        json.WriteString("hadolint", finding.Hadolint);
        json.WriteString("severity", SeverityName(finding.Severity));
        json.WriteString("title", finding.Title);
        json.WriteString("message", finding.Message);
        WriteNumber(json, "line", finding.Line);
        WriteNumber(json, "layerIndex", finding.LayerIndex);
        WriteNumber(json, "bytes", finding.Bytes);
        json.WriteStartArray("paths");
        foreach (var path in finding.Paths)
        {
            json.WriteStringValue(path);
        }
        json.WriteEndArray();
        json.WriteString("fix", finding.Fix);
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
