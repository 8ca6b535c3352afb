using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Vulnerabilities.Scanning;

/// <summary>
/// A scan as a GitHub-flavoured Markdown table for a pull-request comment: a count per severity, then one row per
/// finding, highest severity first. Suppressed findings are left out. Every value from the image or the advisories
/// is escaped; IDs link to osv.dev only when they are plain identifiers.
/// </summary>
public static partial class ScanMarkdownWriter
{
    /// <param name="layerText">How a layer's created_by is shown (the CLI gives its Dockerfile line); by default as stored.</param>
    public static void Write(ScanReport report, Stream output, Func<string, string>? layerText = null)
    {
        var text = new StringBuilder();
        var active = report.Active;
        text.Append("### Vulnerabilities in ").Append(MarkdownText.Escape(report.Target.Name)).Append("\n\n");
        if (active.Count == 0)
        {
            text.Append("No vulnerabilities found.\n");
            output.Write(Encoding.UTF8.GetBytes(text.ToString()));
            return;
        }
        var counts = ScanOrder.BySeverity(active).Select(g => $"{g.Count()} {SeverityNames.Of(g.Key)}");
        text.Append(CultureInfo.InvariantCulture, $"**{active.Count} {(active.Count == 1 ? "vulnerability" : "vulnerabilities")}**: ")
            .Append(string.Join(", ", counts)).Append("\n\n");
        text.Append("| Severity | ID | Package | Version | Fixed in | Layer | Base image |\n");
        text.Append("|---|---|---|---|---|---|---|\n");
        foreach (var placed in active)
        {
            var finding = placed.Finding;
            var score = finding.Severity.Score is { } s ? " " + s.ToString("0.0", CultureInfo.InvariantCulture) : "";
            text.Append("| ").Append(SeverityNames.Of(finding.Severity.Level)).Append(score)
                .Append(" | ").Append(Id(finding.Id))
                .Append(" | ").Append(MarkdownText.Escape(finding.Package.Name))
                .Append(" | ").Append(MarkdownText.Escape(finding.Package.Version))
                .Append(" | ").Append(finding.FixedVersions.Count == 0 ? "no fix" : MarkdownText.Escape(string.Join(", ", finding.FixedVersions)))
                .Append(" | ").Append(Layer(placed, layerText))
                .Append(" | ").Append(placed.InBaseImage ? "yes" : "no")
                .Append(" |\n");
        }
        output.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static string Id(string id) => PlainId().IsMatch(id)
        ? $"[{id}](https://osv.dev/vulnerability/{id})"
        : MarkdownText.Escape(id);

    private static string Layer(ScanFinding placed, Func<string, string>? layerText) => placed.LayerIndex is { } index
        ? string.Create(CultureInfo.InvariantCulture,
            $"{index}: {MarkdownText.Escape(placed.LayerCommand is { } command && layerText is not null ? layerText(command) : placed.LayerCommand, 80)}")
        : "";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex PlainId();
}
