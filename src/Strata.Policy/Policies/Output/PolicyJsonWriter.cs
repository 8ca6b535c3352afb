using System.Text.Encodings.Web;
using System.Text.Json;
using Strata.Policy.Assessment;

namespace Strata.Policy.Policies.Output;

/// <summary>
/// A policy report as JSON: <c>{"image": {...}, "grade": "A"…"F", "policies": [{"name", "status", "reason", "evidence"}]}</c>,
/// status one of <c>pass</c>, <c>fail</c>, <c>skip</c>, in the report's order.
/// </summary>
public static class PolicyJsonWriter
{
    public static void Write(ImageAssessment assessment, PolicyReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        WriteImage(json, assessment);
        json.WriteString("grade", report.Grade);
        WritePolicies(json, report);
        json.WriteEndObject();
    }

    /// <summary>The <c>policies</c> array alone, for reports that embed it (scan-registry's per-image report).</summary>
    public static void WritePolicies(Utf8JsonWriter json, PolicyReport report)
    {
        json.WriteStartArray("policies");
        foreach (var result in report.Policies)
        {
            json.WriteStartObject();
            json.WriteString("name", result.Name);
            json.WriteString("status", Status(result.Status));
            json.WriteString("reason", result.Reason);
            json.WriteStartArray("evidence");
            foreach (var item in result.Evidence)
            {
                json.WriteStringValue(item);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public static string Status(PolicyStatus status) => status switch
    {
        PolicyStatus.Pass => "pass",
        PolicyStatus.Fail => "fail",
        _ => "skip",
    };

    private static void WriteImage(Utf8JsonWriter json, ImageAssessment assessment)
    {
        var analysis = assessment.Analysis;
        json.WriteStartObject("image");
        json.WriteString("name", analysis.Name);
        json.WriteString("manifestDigest", analysis.ManifestDigest?.ToString());
        json.WriteString("configDigest", analysis.ConfigDigest.ToString());
        json.WriteString("platform", analysis.Platform.ToString());
        json.WriteString("user", assessment.Config.User ?? "");
        json.WriteNumber("compressedSize", analysis.CompressedSize);
        json.WriteNumber("uncompressedSize", analysis.UncompressedSize);
        json.WriteStartObject("baseImage");
        if (assessment.Base.Layers is { } layers)
        {
            json.WriteNumber("layers", layers);
        }
        else
        {
            json.WriteNull("layers");
        }
        json.WriteString("name", assessment.Base.Name);
        json.WriteString("digest", assessment.Base.Digest);
        json.WriteString("source", assessment.Base.Source);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
