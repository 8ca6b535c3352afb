using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Strata.Policy.Assessment;
using Strata.Sarif;

namespace Strata.Policy.Policies.Output;

/// <summary>
/// A policy report as SARIF 2.1.0, in the style of the scan's and lint's: one rule per policy evaluated (its name and
/// rule in force), one result per failed policy at the image (a repository-like relative URI, line 1) with the
/// reason and evidence. Passed and skipped policies are rules without results. Each result's fingerprint hashes
/// the policy and the image's repository, so an alert stays one alert across builds.
/// </summary>
public static class PolicySarifWriter
{
    public const string FingerprintKey = "strataPolicy/v1";

    /// <param name="dockerfilePath">The Dockerfile as given (relative to the repository's root where possible): a result whose policy names a line is placed there.</param>
    public static void Write(
        ImageAssessment assessment, PolicyReport report, IReadOnlyList<IPolicy> policies, Stream output, string toolVersion, string? dockerfilePath = null)
    {
        var uri = ImageUri(assessment.Analysis.Name);
        var dockerfileUri = dockerfilePath is null ? null : RelativeUri(dockerfilePath.Replace('\\', '/'));
        var rules = report.Policies.Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList();
        var descriptions = policies.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Description, StringComparer.Ordinal);
        using var json = SarifLog.Open(output);
        SarifLog.StartRun(json);
        SarifLog.StartDriver(json, toolVersion);
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule);
            json.WriteString("name", rule);
            SarifLog.WriteText(json, "shortDescription", descriptions.GetValueOrDefault(rule, rule));
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", "error");
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue("policy");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        SarifLog.EndDriver(json);
        json.WriteStartArray("results");
        foreach (var result in report.Policies.Where(p => p.Status == PolicyStatus.Fail))
        {
            var (at, line) = dockerfileUri is not null && result.Line is { } l ? (dockerfileUri, l) : (uri, 1);
            WriteResult(json, result, rules.IndexOf(result.Name), at, line, uri);
        }
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteString("grade", report.Grade);
        json.WriteNumber("score", report.Score);
        json.WriteEndObject();
        SarifLog.EndRun(json);
    }

    private static void WriteResult(Utf8JsonWriter json, PolicyResult result, int ruleIndex, string uri, int line, string image)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", result.Name);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", "error");
        var message = new StringBuilder($"Policy {result.Name} failed: {result.Reason}.");
        foreach (var item in result.Evidence)
        {
            message.Append("\n- ").Append(item);
        }
        SarifLog.WriteText(json, "message", message.ToString());
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", uri);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", line);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(result.Name + "\n" + image))));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("evidence");
        foreach (var item in result.Evidence)
        {
            json.WriteStringValue(item);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// The image as a relative URI code scanning can show: its repository path, without the transport
    /// (<c>oci:</c>…), the tag after the last '/', or the digest; each segment percent-encoded so no ':' reads as a scheme.
    /// </summary>
    public static string ImageUri(string name)
    {
        var text = name.Split('@')[0];
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && text[..colon] is "oci" or "oci-archive" or "docker-archive" or "docker" or "docker-daemon" or "podman")
        {
            text = text[(colon + 1)..].TrimStart('/');
        }
        var tag = text.LastIndexOf(':');
        if (tag > text.LastIndexOf('/'))
        {
            text = text[..tag];
        }
        var uri = RelativeUri(text);
        return uri.Length == 0 ? "image" : uri;
    }

    /// <summary>A path as a relative URI reference: no leading '/', no '.' or '..' segments, each segment percent-encoded.</summary>
    private static string RelativeUri(string path) =>
        string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s is not ("." or "..")).Select(Uri.EscapeDataString));
}
