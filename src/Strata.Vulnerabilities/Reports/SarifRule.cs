using System.Globalization;
using System.Text;
using Strata.Vulnerabilities.Scanning;

namespace Strata.Vulnerabilities.Reports;

/// <summary>
/// One SARIF rule (reportingDescriptor) per vulnerability: its ID, a one-line description, the help GitHub shows
/// beside the alert (text and markdown: severity, aliases, the affected packages and their fixes, references), a help
/// link, and the security-severity and tags GitHub reads. The findings share one advisory, so the first speaks for it.
/// </summary>
internal sealed record SarifRule(string Id, string ShortDescription, string FullDescription, string HelpText, string HelpMarkdown,
    string HelpUri, string SecuritySeverity, string Level, IReadOnlyList<string> Tags)
{
    public static SarifRule For(string id, IReadOnlyList<ScanFinding> findings)
    {
        var first = findings[0].Finding;
        var packages = findings.Select(f => f.Finding.Package.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var summary = string.IsNullOrWhiteSpace(first.Summary) ? null : OneLine(first.Summary);
        var shortText = summary ?? $"{id} in {string.Join(", ", packages)}";
        var level = first.Severity.Level.ToString().ToLowerInvariant();
        var score = first.Severity.Score is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "no CVSS score";
        var aliases = first.Aliases.Count == 0 ? "none" : string.Join(", ", first.Aliases);
        var helpUri = first.References.FirstOrDefault(r => Uri.TryCreate(r, UriKind.Absolute, out var u) && u.Scheme is "https" or "http")
            ?? $"https://osv.dev/vulnerability/{Uri.EscapeDataString(id)}";

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{id}: {shortText}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Severity: {level} ({score}). Aliases: {aliases}.");
        var markdown = new StringBuilder();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"**{Markdown(id)}**: {Markdown(shortText)}").AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture, $"Severity: **{level}** ({score}). Aliases: {Markdown(aliases)}.").AppendLine();
        markdown.AppendLine("| Package | Installed | Fixed in |").AppendLine("| --- | --- | --- |");
        foreach (var finding in findings.DistinctBy(f => (f.Finding.Package.Name, f.Finding.Package.Version)))
        {
            var package = finding.Finding.Package;
            var fixes = Fixes(finding);
            text.AppendLine(CultureInfo.InvariantCulture, $"{package.Name} {package.Version}: fixed in {fixes}");
            markdown.AppendLine(CultureInfo.InvariantCulture, $"| {Markdown(package.Name)} | {Markdown(package.Version)} | {Markdown(fixes)} |");
        }
        markdown.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"[{Markdown(id)}]({helpUri})");
        text.AppendLine(CultureInfo.InvariantCulture, $"More: {helpUri}");
        foreach (var reference in first.References.Where(r => r != helpUri).Take(10))
        {
            markdown.AppendLine(CultureInfo.InvariantCulture, $"- <{reference}>");
        }

        return new SarifRule(id, Truncate(shortText, 200), summary ?? shortText, text.ToString().TrimEnd(), markdown.ToString().TrimEnd(), helpUri,
            SarifSeverity.Score(first.Severity), SarifSeverity.Level(first.Severity.Level), ["security", "vulnerability", level]);
    }

    /// <summary>"1.2.3, 1.3.0", or "no fixed version yet".</summary>
    public static string Fixes(ScanFinding finding) =>
        finding.Finding.FixedVersions.Count == 0 ? "no fixed version yet" : string.Join(", ", finding.Finding.FixedVersions);

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>Characters markdown would read as markup, escaped; '|' too, for table cells.</summary>
    private static string Markdown(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in OneLine(text))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#')
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
