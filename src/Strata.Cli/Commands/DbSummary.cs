using System.Globalization;
using Strata.Vulnerabilities.Store;

namespace Strata.Cli.Commands;

/// <summary>How import and update report what they did with the records.</summary>
internal static class DbSummary
{
    public static string Counts(ImportCounts counts)
    {
        var parts = new List<string>
        {
            $"{N(counts.Added)} added",
            $"{N(counts.Replaced)} replaced",
        };
        if (counts.KeptNewer > 0)
        {
            parts.Add($"{N(counts.KeptNewer)} older than the stored ones, left out");
        }
        if (counts.Removed > 0)
        {
            parts.Add($"{N(counts.Removed)} no longer published, removed");
        }
        if (counts.Skipped > 0)
        {
            parts.Add($"{N(counts.Skipped)} malformed, skipped");
        }
        return string.Join(", ", parts);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
