using System.Globalization;
using System.Text;
using Strata.Policy.Assessment;

namespace Strata.Policy.Policies.Output;

/// <summary>A policy report as Markdown for a pull-request comment: the grade, then one table row per policy and its evidence.</summary>
public static class PolicyMarkdownWriter
{
    /// <summary>Evidence lines shown per policy; the rest are counted.</summary>
    public const int EvidenceShown = 5;

    public static void Write(ImageAssessment assessment, PolicyReport report, Stream output)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## Policies for `{Code(assessment.Analysis.Name)}`: grade {report.Grade} ({report.Score}/100)\n\n");
        var counts = report.Policies.GroupBy(p => p.Status).ToDictionary(g => g.Key, g => g.Count());
        text.Append(CultureInfo.InvariantCulture,
            $"{counts.GetValueOrDefault(PolicyStatus.Pass)} passed, {counts.GetValueOrDefault(PolicyStatus.Fail)} failed, {counts.GetValueOrDefault(PolicyStatus.Skip)} skipped.\n\n");
        text.Append("| Policy | Status | Reason | Evidence |\n|---|---|---|---|\n");
        foreach (var result in report.Policies)
        {
            var evidence = result.Evidence.Take(EvidenceShown).Select(e => $"`{Code(e)}`").ToList();
            if (result.Evidence.Count > EvidenceShown)
            {
                evidence.Add(string.Create(CultureInfo.InvariantCulture, $"and {result.Evidence.Count - EvidenceShown} more"));
            }
            text.Append(CultureInfo.InvariantCulture,
                $"| {Cell(result.Name)} | {Badge(result.Status)} | {Cell(result.Reason)} | {string.Join("<br>", evidence)} |\n");
        }
        output.Write(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static string Badge(PolicyStatus status) => status switch
    {
        PolicyStatus.Pass => "✅ PASS",
        PolicyStatus.Fail => "❌ FAIL",
        _ => "⏭️ SKIP",
    };

    /// <summary>Text from the image in a table cell: no line breaks, and the characters Markdown would read escaped.</summary>
    private static string Cell(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '|' or '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#')
            {
                builder.Append('\\');
            }
            builder.Append(char.IsControl(c) ? ' ' : c);
        }
        return builder.ToString();
    }

    /// <summary>Text inside a code span: backticks and pipes cannot be escaped there, so they are replaced.</summary>
    private static string Code(string text) =>
        new(text.Select(c => c switch { '`' => '\'', '|' => '/', _ when char.IsControl(c) => ' ', _ => c }).ToArray());
}
