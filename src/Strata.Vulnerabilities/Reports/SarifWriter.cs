using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Strata.Sarif;
using Strata.Vulnerabilities.Scanning;

namespace Strata.Vulnerabilities.Reports;

/// <summary>
/// Writes a scan as SARIF 2.1.0 for GitHub code scanning: one rule per vulnerability, each result located at the
/// Dockerfile line of the layer that brought the package when a Dockerfile is given, else at the image.
/// Suppressed findings are left out. Each result's <c>partialFingerprints</c> hashes the vulnerability, package,
/// version and path (never the line), so an alert stays the same alert across runs and Dockerfile edits.
/// </summary>
public static class SarifWriter
{
    /// <summary>The partialFingerprints key; its version changes only if what is hashed changes.</summary>
    public const string FingerprintKey = "strataFinding/v1";

    /// <param name="dockerfile">The Dockerfile's path as given (for the artifact location) and its text, or null.</param>
    public static void Write(ScanReport report, Stream output, string toolVersion, (string Path, string Text)? dockerfile)
    {
        var findings = report.Findings.Where(f => f.Suppression is null).ToList();
        var rules = findings.GroupBy(f => f.Finding.Id, StringComparer.Ordinal)
            .Select(g => SarifRule.For(g.Key, g.ToList()))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var locator = new SarifLocator(report, dockerfile);

        using var json = SarifLog.Open(output);
        SarifLog.StartRun(json);
        WriteTool(json, toolVersion, rules);
        json.WriteStartArray("results");
        foreach (var finding in findings)
        {
            WriteResult(json, finding, ruleIndex[finding.Finding.Id], locator.For(finding));
            Images.Output.JsonWriting.FlushIfFull(json);
        }
        json.WriteEndArray();
        SarifLog.EndRun(json);
    }

    private static void WriteTool(Utf8JsonWriter json, string toolVersion, IReadOnlyList<SarifRule> rules)
    {
        SarifLog.StartDriver(json, toolVersion);
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            SarifLog.WriteText(json, "shortDescription", rule.ShortDescription);
            SarifLog.WriteText(json, "fullDescription", rule.FullDescription);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", rule.Level);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpUri);
            json.WriteStartObject("help");
            json.WriteString("text", rule.HelpText);
            json.WriteString("markdown", rule.HelpMarkdown);
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("security-severity", rule.SecuritySeverity);
            json.WriteStartArray("tags");
            foreach (var tag in rule.Tags)
            {
                json.WriteStringValue(tag);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        SarifLog.EndDriver(json);
    }

    private static void WriteResult(Utf8JsonWriter json, ScanFinding finding, int ruleIndex, SarifLocation location)
    {
        var package = finding.Finding.Package;
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Finding.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", SarifSeverity.Level(finding.Finding.Severity.Level));
        SarifLog.WriteText(json, "message", Message(finding));
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", location.Uri);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", location.StartLine);
        json.WriteNumber("endLine", location.EndLine);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, Fingerprint(finding));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("purl", package.Purl);
        if (finding.LayerIndex is { } layer)
        {
            json.WriteNumber("layerIndex", layer);
        }
        json.WriteBoolean("inBaseImage", finding.InBaseImage);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>"Package lodash 4.17.15 (npm) is affected by CVE-…; fixed in 4.17.21. Found at /app/… (layer 9: COPY …)."</summary>
    private static string Message(ScanFinding finding)
    {
        var package = finding.Finding.Package;
        var text = new StringBuilder($"Package {package.Name} {package.Version} ({package.Ecosystem}) is affected by {finding.Finding.Id}; ");
        text.Append(finding.Finding.FixedVersions.Count == 0 ? "no fixed version yet." : $"fixed in {SarifRule.Fixes(finding)}.");
        if (finding.Path is { } path)
        {
            text.Append(" Found at ").Append(path);
            if (finding.LayerIndex is { } layer)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $" (layer {layer}{(finding.InBaseImage ? ", base image" : "")})");
            }
            text.Append('.');
        }
        return text.ToString();
    }

    private static string Fingerprint(ScanFinding finding)
    {
        var package = finding.Finding.Package;
        var key = string.Join('\n', finding.Finding.Id, package.Ecosystem, package.Name, package.Version, finding.Path ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}
