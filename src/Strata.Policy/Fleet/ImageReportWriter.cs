using System.Text.Json;
using Strata.Analysis.Advising;
using Strata.Policy.Assessment;
using Strata.Policy.Policies;
using Strata.Vulnerabilities.Scanning;

namespace Strata.Policy.Fleet;

/// <summary>
/// One image's report of a registry scan, as JSON: the image, the grade and every policy's verdict, the counts, dive's
/// numbers, the packages, the vulnerabilities and the advice. The summary and a resumed run read it back.
/// </summary>
public static class ImageReportWriter
{
    public static FindingCounts Count(ImageAssessment assessment, PolicyReport policies)
    {
        var active = assessment.Vulnerabilities?.Active ?? [];
        int Severity(string name) => active.Count(f => SeverityNames.Of(f.Finding.Severity.Level) == name);
        return new FindingCounts(
            Severity("critical"), Severity("high"), Severity("medium"), Severity("low"), Severity("unknown"),
            policies.Policies.Count(p => p.Status == PolicyStatus.Fail),
            assessment.Advice.Findings.Count(f => f.Id is AdviceIds.SecretInEnvironment or AdviceIds.PrivateKeyFile or AdviceIds.CredentialsFile or AdviceIds.TokenInFile),
            assessment.Advice.Findings.Count);
    }

    public static void Write(Stream output, string reference, ImageAssessment assessment, PolicyReport policies, FindingCounts counts)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        var analysis = assessment.Analysis;
        json.WriteStartObject();
        json.WriteStartObject("image");
        json.WriteString("reference", reference);
        json.WriteString("manifestDigest", analysis.ManifestDigest?.ToString());
        json.WriteString("configDigest", analysis.ConfigDigest.ToString());
        json.WriteString("platform", analysis.Platform.ToString());
        json.WriteString("os", assessment.Sbom.Os is { } os ? $"{os.Id} {os.VersionId}".Trim() : null);
        json.WriteString("base", assessment.Base.Name);
        json.WriteEndObject();
        json.WriteString("grade", policies.Grade);
        WriteCounts(json, counts);
        json.WriteStartArray("policies");
        foreach (var policy in policies.Policies)
        {
            json.WriteStartObject();
            json.WriteString("name", policy.Name);
            json.WriteString("status", policy.Status.ToString().ToLowerInvariant());
            json.WriteString("reason", policy.Reason);
            json.WriteStartArray("evidence");
            policy.Evidence.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("analysis");
        json.WriteNumber("layers", analysis.Layers.Count);
        json.WriteNumber("compressedSize", analysis.CompressedSize);
        json.WriteNumber("uncompressedSize", analysis.UncompressedSize);
        json.WriteNumber("deadBytes", analysis.DeadBytes);
        json.WriteNumber("duplicateBytes", analysis.DuplicateBytes);
        json.WriteNumber("efficiency", analysis.Dive.Efficiency);
        json.WriteNumber("wastedBytes", analysis.Dive.WastedBytes);
        json.WriteEndObject();
        json.WriteStartArray("packages");
        foreach (var package in assessment.Sbom.Packages)
        {
            json.WriteStartObject();
            json.WriteString("ecosystem", package.Ecosystem);
            json.WriteString("name", package.Name);
            json.WriteString("version", package.Version);
            json.WriteString("purl", package.Purl);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("vulnerabilities");
        foreach (var finding in assessment.Vulnerabilities?.Active ?? [])
        {
            json.WriteStartObject();
            json.WriteString("id", finding.Finding.Id);
            json.WriteString("severity", SeverityNames.Of(finding.Finding.Severity.Level));
            json.WriteString("package", finding.Finding.Package.Name);
            json.WriteString("version", finding.Finding.Package.Version);
            json.WriteString("purl", finding.Finding.Package.Purl);
            json.WriteStartArray("fixedVersions");
            finding.Finding.FixedVersions.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteBoolean("inBaseImage", finding.InBaseImage);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("advice");
        foreach (var advice in assessment.Advice.Findings)
        {
            json.WriteStartObject();
            json.WriteString("id", advice.Id);
            json.WriteString("severity", advice.Severity.ToString().ToLowerInvariant());
            json.WriteString("title", advice.Title);
            if (advice.Bytes is { } bytes)
            {
                json.WriteNumber("bytes", bytes);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("warnings");
        assessment.Warnings.ToList().ForEach(json.WriteStringValue);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void WriteCounts(Utf8JsonWriter json, FindingCounts counts)
    {
        json.WriteStartObject("findings");
        json.WriteNumber("critical", counts.Critical);
        json.WriteNumber("high", counts.High);
        json.WriteNumber("medium", counts.Medium);
        json.WriteNumber("low", counts.Low);
        json.WriteNumber("unknown", counts.Unknown);
        json.WriteNumber("policyFailures", counts.PolicyFailures);
        json.WriteNumber("secrets", counts.Secrets);
        json.WriteNumber("advice", counts.Advice);
        json.WriteEndObject();
    }
}
