using System.Text.Json;
using Strata.Dockerfile.Advice;
using Strata.Dockerfile.Rules;
using Strata.Sarif;

namespace Strata.Dockerfile.Lint;

/// <summary>
/// Lint findings as SARIF 2.1.0, in the style of the scan's SARIF: every rule of the catalogue once (its Strata ID,
/// title, help text, hadolint equivalent), then one result per finding at its Dockerfile line.
/// </summary>
public static class LintSarifWriter
{
    /// <param name="artifactUri">The Dockerfile as code scanning should find it: relative to the repository root where possible.</param>
    public static void Write(IReadOnlyList<Advice.Advice> findings, Stream output, string toolVersion, string artifactUri, IReadOnlyList<IDockerfileRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        rules ??= DockerfileRules.All;
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        using var json = SarifLog.Open(output);
        SarifLog.StartRun(json);
        WriteTool(json, toolVersion, rules);
        json.WriteStartArray("results");
        foreach (var finding in findings)
        {
            WriteResult(json, finding, ruleIndex.TryGetValue(finding.Id, out var index) ? index : null, artifactUri);
        }
        json.WriteEndArray();
        SarifLog.EndRun(json);
    }

    /// <summary>SARIF's level for a severity: error, warning, note.</summary>
    public static string Level(AdviceSeverity severity) => severity switch
    {
        AdviceSeverity.Error => "error",
        AdviceSeverity.Warning => "warning",
        _ => "note",
    };

    private static void WriteTool(Utf8JsonWriter json, string toolVersion, IReadOnlyList<IDockerfileRule> rules)
    {
        SarifLog.StartDriver(json, toolVersion);
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", Name(rule.Title));
            SarifLog.WriteText(json, "shortDescription", rule.Title);
            SarifLog.WriteText(json, "fullDescription", rule.Description);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.Severity));
            json.WriteEndObject();
            json.WriteStartObject("help");
            var equivalent = rule.Hadolint is null ? "" : $" (hadolint {rule.Hadolint})";
            json.WriteString("text", rule.Description + equivalent);
            json.WriteString("markdown", $"**{rule.Id}{equivalent}: {rule.Title}**\n\n{rule.Description}");
            json.WriteEndObject();
            json.WriteStartObject("properties");
            if (rule.Hadolint is { } hadolint)
            {
                json.WriteString("hadolint", hadolint);
            }
            json.WriteStartArray("tags");
            json.WriteStringValue("dockerfile");
            json.WriteStringValue(rule.Id.StartsWith("STR2", StringComparison.Ordinal) ? "security" : "size");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        SarifLog.EndDriver(json);
    }

    private static void WriteResult(Utf8JsonWriter json, Advice.Advice finding, int? ruleIndex, string artifactUri)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Id);
        if (ruleIndex is { } index)
        {
            json.WriteNumber("ruleIndex", index);
        }
        json.WriteString("level", Level(finding.Severity));
        SarifLog.WriteText(json, "message", finding.Fix is null ? finding.Message : $"{finding.Message}. Fix: {finding.Fix}");
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", artifactUri);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.Line ?? 1);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A rule name in SARIF's PascalCase style: "apt lists not removed" → "AptListsNotRemoved".</summary>
    private static string Name(string title) => string.Concat(title.Split(' ', '-', '/', '|', '.')
        .Where(w => w.Length > 0 && char.IsAsciiLetterOrDigit(w[0]))
        .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
