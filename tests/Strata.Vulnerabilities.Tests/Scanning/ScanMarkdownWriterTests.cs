using System.Text;
using Strata.Vulnerabilities.Scanning;
using Strata.Vulnerabilities.Severity;
using static Strata.Vulnerabilities.Tests.Scanning.Findings;

namespace Strata.Vulnerabilities.Tests.Scanning;

public sealed class ScanMarkdownWriterTests
{
    private static string Write(ScanReport report)
    {
        using var stream = new MemoryStream();
        ScanMarkdownWriter.Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string[] TableRows(string markdown) => markdown.Split('\n').Where(l => l.StartsWith('|')).ToArray();

    /// <summary>The cells of a GFM table row: split at pipes that no backslash escapes.</summary>
    private static int CellCount(string row) => System.Text.RegularExpressions.Regex.Matches(row, @"(?<!\\)\|").Count - 1;

    [Fact]
    public void One_row_per_active_finding_highest_severity_first_with_counts()
    {
        var critical = Finding("CVE-2021-23337", SeverityLevel.Critical, 9.8, Package("lodash", "4.17.15", 8), "4.17.21");
        var low = Finding("CVE-2020-7598", SeverityLevel.Low, 3.1, Package("minimist", "1.2.0", 0));
        var suppressed = FindingPlacement.Place(Finding("CVE-2099-1", SeverityLevel.High, 8.0, Package("hidden", "1", 2)), 1)
            with { Suppression = new Suppression("fixed", null, null, "vex.json") };
        var report = Scanner.Report(Target(1), [low, critical], new ScanOptions());
        report = report with { Findings = [.. report.Findings, suppressed] };

        var markdown = Write(report);

        var rows = TableRows(markdown);
        Assert.Equal(4, rows.Length);
        Assert.Equal("| Severity | ID | Package | Version | Fixed in | Layer | Base image |", rows[0]);
        Assert.StartsWith("| critical 9.8 | [CVE-2021-23337](https://osv.dev/vulnerability/CVE-2021-23337) | lodash |", rows[2], StringComparison.Ordinal);
        Assert.Contains("| no fix |", rows[3], StringComparison.Ordinal);
        Assert.EndsWith("| yes |", rows[3], StringComparison.Ordinal);
        Assert.DoesNotContain("hidden", markdown, StringComparison.Ordinal);
        Assert.Contains("**2 vulnerabilities**: 1 critical, 1 low", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_text_cannot_break_the_table_or_inject_markup()
    {
        var hostile = Finding("CVE-1) [x](https://evil", SeverityLevel.High, 7.0,
            Package("a|b<script>alert(1)</script>", "1.0\n| fake | row |", 1, createdBy: "RUN echo `x` **bold**"), "2|0");

        var markdown = Write(Scanner.Report(Target(0), [hostile], new ScanOptions()));

        var rows = TableRows(markdown);
        Assert.Equal(3, rows.Length);
        Assert.All(rows, r => Assert.Equal(7, CellCount(r)));
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("](https://evil", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("**bold**", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void No_findings_says_so()
    {
        Assert.Contains("No vulnerabilities found.", Write(Scanner.Report(Target(1), [], new ScanOptions())), StringComparison.Ordinal);
    }
}
