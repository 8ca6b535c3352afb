using System.Text.Json;
using Strata.Images.Output;
using Strata.Sbom.Model;
using Strata.Vulnerabilities.Scanning;

namespace Strata.Cli.Report;

/// <summary>The packages table and, when a database was given, the vulnerabilities table (the findings no VEX statement suppresses).</summary>
internal static class ReportPackages
{
    public static void Write(Utf8JsonWriter json, SbomDocument sbom, ScanReport? scan)
    {
        json.WriteStartObject("packages");
        json.WriteNumber("count", sbom.Packages.Count);
        json.WriteStartArray("rows");
        foreach (var package in sbom.Packages.Take(ReportData.PackageRows))
        {
            json.WriteStartObject();
            json.WriteString("name", package.Name);
            json.WriteString("version", package.Version);
            json.WriteString("type", package.Ecosystem);
            ReportData.WriteNumber(json, "layer", package.Locations.Count > 0 ? package.Locations[0].Layer : null);
            json.WriteString("license", string.Join(", ", package.Licenses));
            json.WriteString("purl", package.Purl);
            json.WriteEndObject();
            json.FlushIfFull();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        if (scan is null)
        {
            json.WriteNull("vulnerabilities");
            return;
        }
        json.WriteStartObject("vulnerabilities");
        json.WriteStartArray("rows");
        foreach (var placed in scan.Active)
        {
            var finding = placed.Finding;
            json.WriteStartObject();
            json.WriteString("id", finding.Id);
            json.WriteString("severity", SeverityNames.Of(finding.Severity.Level));
            json.WriteNumber("rank", (int)finding.Severity.Level);
            json.WriteString("package", finding.Package.Name);
            json.WriteString("version", finding.Package.Version);
            json.WriteString("fixed", string.Join(", ", finding.FixedVersions));
            ReportData.WriteNumber(json, "layer", placed.LayerIndex);
            json.WriteBoolean("inBase", placed.InBaseImage);
            json.WriteString("path", placed.Path);
            json.WriteString("summary", finding.Summary);
            json.WriteEndObject();
            json.FlushIfFull();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
