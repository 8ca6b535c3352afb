using System.Text.Json;

namespace Strata.Policy.Fleet;

/// <summary>summary.json: every reference with its digest, grade and counts, the failures, and the layer cache's counters.</summary>
public static class SummaryWriter
{
    public const string FileName = "summary.json";

    public static void Write(Stream output, RegistryScanOptions options, RegistryScanResult result, long layerHits, long layerMisses)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("registry", options.Target.ToString());
        json.WriteString("tags", options.Tags.ToString());
        json.WriteString("shard", options.Shard.ToString());
        json.WriteStartArray("repositories");
        result.Repositories.ToList().ForEach(json.WriteStringValue);
        json.WriteEndArray();
        json.WriteStartArray("images");
        foreach (var image in result.Images)
        {
            json.WriteStartObject();
            json.WriteString("reference", image.Reference);
            json.WriteString("manifestDigest", image.ManifestDigest);
            json.WriteString("grade", image.Grade);
            ImageReportWriter.WriteCounts(json, image.Findings);
            json.WriteString("report", image.Report);
            json.WriteString("status", image.Status == FleetImageStatus.Scanned ? "scanned" : "reported-before");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("failures");
        foreach (var failure in result.Failures)
        {
            json.WriteStartObject();
            json.WriteString("reference", failure.Reference);
            json.WriteString("error", failure.Error);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("cache");
        json.WriteNumber("layerHits", layerHits);
        json.WriteNumber("layerMisses", layerMisses);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
