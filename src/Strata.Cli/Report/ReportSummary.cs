using System.Text.Json;
using Strata.Vulnerabilities.Scanning;

namespace Strata.Cli.Report;

/// <summary>The summary cards' numbers, exact (the page formats them); a part with no data is null, and its card is left out.</summary>
internal static class ReportSummary
{
    public static void Write(Utf8JsonWriter json, ReportInput input)
    {
        var assessment = input.Assessment;
        var analysis = assessment.Analysis;
        json.WriteStartObject("summary");
        json.WriteNumber("compressedBytes", analysis.CompressedSize);
        json.WriteNumber("uncompressedBytes", analysis.UncompressedSize);
        json.WriteNumber("sizeBytes", analysis.Dive.SizeBytes);
        json.WriteNumber("layers", analysis.Layers.Count);
        json.WriteNumber("efficiency", analysis.Dive.Efficiency);
        json.WriteNumber("wastedBytes", analysis.Dive.WastedBytes);
        json.WriteNumber("userWastedPercent", analysis.Dive.UserWastedPercent);
        json.WriteNumber("deadBytes", analysis.DeadBytes);
        json.WriteNumber("deadPercent", analysis.DeadPercent);
        json.WriteNumber("duplicateBytes", analysis.DuplicateBytes);
        json.WriteNumber("duplicateGroups", analysis.Duplicates.Count);
        json.WriteNumber("packages", assessment.Sbom.Packages.Count);
        json.WriteNumber("adviceBytes", assessment.Advice.FileSavings);
        if (assessment.Vulnerabilities is { } scan)
        {
            json.WriteStartObject("vulnerabilities");
            var active = scan.Active;
            foreach (var severity in SeverityNames.All)
            {
                json.WriteNumber(severity, active.Count(f => SeverityNames.Of(f.Finding.Severity.Level) == severity));
            }
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("vulnerabilities");
        }
        json.WriteString("policyGrade", input.Policy?.Grade);
        json.WriteEndObject();
    }
}
