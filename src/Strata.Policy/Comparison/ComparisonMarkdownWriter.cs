using System.Globalization;
using System.Text;
using Strata.Vulnerabilities.Scanning;

namespace Strata.Policy.Comparison;

/// <summary>
/// A comparison as GitHub-flavoured Markdown for a pull-request comment: the sizes, the layers, then one table per
/// kind of change. Each table shows at most <see cref="MaxRows"/> rows, files largest first (the JSON lists all); every value from the
/// images is escaped.
/// </summary>
public static class ComparisonMarkdownWriter
{
    public const int MaxRows = 20;

    public static void Write(ImageComparison comparison, Stream output)
    {
        var text = new StringBuilder();
        text.Append("### ").Append(MarkdownText.Escape(comparison.Before.Name)).Append(" → ").Append(MarkdownText.Escape(comparison.After.Name)).Append("\n\n");
        if (comparison.Worse.Count > 0)
        {
            text.Append("**Worse:** ").Append(string.Join(", ", comparison.Worse)).Append("\n\n");
        }
        WriteSizes(text, comparison.Sizes);
        WriteLayers(text, comparison.Layers);
        WriteFiles(text, comparison.Files);
        WritePackages(text, comparison.Packages);
        WriteVulnerabilities(text, comparison.Vulnerabilities);
        WritePolicies(text, comparison.Policies);
        output.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void WriteSizes(StringBuilder text, SizeComparison sizes)
    {
        text.Append("| Size | Before | After | Change |\n|---|---:|---:|---:|\n");
        foreach (var (name, size) in new[] { ("compressed", sizes.Compressed), ("uncompressed", sizes.Uncompressed), ("dead", sizes.Dead) })
        {
            text.Append(CultureInfo.InvariantCulture, $"| {name} | {size.Before} | {size.After} | {Signed(size.Change)} |\n");
        }
        text.Append('\n');
    }

    private static void WriteLayers(StringBuilder text, LayerComparison layers)
    {
        text.Append(CultureInfo.InvariantCulture, $"**Layers:** {layers.Shared} shared ({layers.SharedCompressedSize} bytes) of {layers.BeforeCount} and {layers.AfterCount}");
        if (layers.FirstDifferent is { } divergence)
        {
            text.Append(CultureInfo.InvariantCulture, $"; they diverge at layer {divergence.Index}: ")
                .Append(Command(divergence.Before)).Append(" → ").Append(Command(divergence.After));
        }
        else
        {
            text.Append("; the layers are the same");
        }
        text.Append("\n\n");
    }

    private static string Command(DivergingLayer? layer) => layer is null ? "(no layer)" : "`" + MarkdownText.Escape(layer.CreatedBy ?? "", 120) + "`";

    private static void WriteFiles(StringBuilder text, FileComparison files)
    {
        text.Append(CultureInfo.InvariantCulture, $"**Files:** {files.Added.Count} added, {files.Removed.Count} removed, {files.Changed.Count} changed\n\n");
        var rows = files.Added.Select(f => (What: "added", f.Path, Type: FileTypeNames.Of(f.Kind), Before: "", After: Bytes(f.Size), Order: f.Size, Note: ""))
            .Concat(files.Removed.Select(f => (What: "removed", f.Path, Type: FileTypeNames.Of(f.Kind), Before: Bytes(f.Size), After: "", Order: f.Size, Note: "")))
            .Concat(files.Changed.Select(f => (What: "changed", f.Path, Type: FileTypeNames.Of(f.KindAfter), Before: Bytes(f.SizeBefore), After: Bytes(f.SizeAfter),
                Order: Math.Max(f.SizeBefore, f.SizeAfter), Note: string.Join(", ", f.Differences))))
            .OrderByDescending(r => r.Order).ThenBy(r => r.Path, StringComparer.Ordinal)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }
        text.Append("| File | Change | Type | Before | After | What differs |\n|---|---|---|---:|---:|---|\n");
        foreach (var row in rows.Take(MaxRows))
        {
            text.Append("| ").Append(MarkdownText.Escape("/" + row.Path)).Append(" | ").Append(row.What).Append(" | ").Append(row.Type)
                .Append(" | ").Append(row.Before).Append(" | ").Append(row.After).Append(" | ").Append(row.Note).Append(" |\n");
        }
        More(text, rows.Count);
    }

    private static void WritePackages(StringBuilder text, PackageComparison packages)
    {
        text.Append(CultureInfo.InvariantCulture,
            $"**Packages:** {packages.Added.Count} added, {packages.Removed.Count} removed, {packages.Upgraded.Count} upgraded, {packages.Downgraded.Count} downgraded\n\n");
        var rows = packages.Upgraded.Select(p => ("upgraded", p.Ecosystem, p.Name, p.From, p.To))
            .Concat(packages.Downgraded.Select(p => ("downgraded", p.Ecosystem, p.Name, p.From, p.To)))
            .Concat(packages.Added.Select(p => ("added", p.Ecosystem, p.Name, "", p.Version)))
            .Concat(packages.Removed.Select(p => ("removed", p.Ecosystem, p.Name, p.Version, "")))
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }
        text.Append("| Package | Ecosystem | Change | Before | After |\n|---|---|---|---|---|\n");
        foreach (var (what, ecosystem, name, from, to) in rows.Take(MaxRows))
        {
            text.Append("| ").Append(MarkdownText.Escape(name)).Append(" | ").Append(MarkdownText.Escape(ecosystem)).Append(" | ").Append(what)
                .Append(" | ").Append(MarkdownText.Escape(from)).Append(" | ").Append(MarkdownText.Escape(to)).Append(" |\n");
        }
        More(text, rows.Count);
    }

    private static void WriteVulnerabilities(StringBuilder text, VulnerabilityComparison? vulnerabilities)
    {
        if (vulnerabilities is null)
        {
            text.Append("**Vulnerabilities:** not compared (no vulnerability database)\n\n");
            return;
        }
        text.Append(CultureInfo.InvariantCulture, $"**Vulnerabilities:** {vulnerabilities.Fixed.Count} fixed, {vulnerabilities.Introduced.Count} introduced\n\n");
        var rows = vulnerabilities.Introduced.Select(v => ("introduced", v)).Concat(vulnerabilities.Fixed.Select(v => ("fixed", v))).ToList();
        if (rows.Count == 0)
        {
            return;
        }
        text.Append("| ID | Severity | Package | Version | Change |\n|---|---|---|---|---|\n");
        foreach (var (what, v) in rows.Take(MaxRows))
        {
            text.Append("| ").Append(MarkdownText.Escape(v.Id)).Append(" | ").Append(SeverityNames.Of(v.Severity)).Append(" | ").Append(MarkdownText.Escape(v.Package))
                .Append(" | ").Append(MarkdownText.Escape(v.Version)).Append(" | ").Append(what).Append(" |\n");
        }
        More(text, rows.Count);
    }

    private static void WritePolicies(StringBuilder text, PolicyComparison policies)
    {
        text.Append("**Grade:** ").Append(MarkdownText.Escape(policies.GradeBefore)).Append(" → ").Append(MarkdownText.Escape(policies.GradeAfter));
        text.Append(CultureInfo.InvariantCulture, $"; {policies.Changed.Count} {(policies.Changed.Count == 1 ? "policy" : "policies")} changed\n\n");
        if (policies.Changed.Count == 0)
        {
            return;
        }
        text.Append("| Policy | Before | After | Reason |\n|---|---|---|---|\n");
        foreach (var change in policies.Changed)
        {
            text.Append("| ").Append(MarkdownText.Escape(change.Name)).Append(" | ").Append(ComparisonJsonWriter.StatusName(change.Before) ?? "—")
                .Append(" | ").Append(ComparisonJsonWriter.StatusName(change.After) ?? "—").Append(" | ").Append(MarkdownText.Escape(change.Reason)).Append(" |\n");
        }
        text.Append('\n');
    }

    /// <summary>Ends a table, saying how many rows it left out.</summary>
    private static void More(StringBuilder text, int rows)
    {
        if (rows > MaxRows)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n… and {rows - MaxRows} more (the JSON lists all).\n");
        }
        text.Append('\n');
    }

    private static string Bytes(long size) => size.ToString(CultureInfo.InvariantCulture);

    private static string Signed(long change) => change > 0 ? "+" + Bytes(change) : Bytes(change);
}
