using System.Text.Json;
using Strata.Policy.Policies;

namespace Strata.Cli.Report;

/// <summary>The policy grade and each policy's verdict, when --policy was given.</summary>
internal static class ReportPolicy
{
    private const int EvidencePerPolicy = 20;

    public static void Write(Utf8JsonWriter json, PolicyReport? report)
    {
        if (report is null)
        {
            json.WriteNull("policy");
            return;
        }
        json.WriteStartObject("policy");
        json.WriteString("grade", report.Grade);
        json.WriteBoolean("failed", report.Failed);
        json.WriteStartArray("results");
        foreach (var result in report.Policies)
        {
            json.WriteStartObject();
            json.WriteString("name", result.Name);
            json.WriteString("status", result.Status.ToString().ToLowerInvariant());
            json.WriteString("reason", result.Reason);
            ReportData.WriteNumber(json, "line", result.Line);
            json.WriteNumber("evidenceCount", result.Evidence.Count);
            json.WriteStartArray("evidence");
            foreach (var evidence in result.Evidence.Take(EvidencePerPolicy))
            {
                json.WriteStringValue(evidence);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
