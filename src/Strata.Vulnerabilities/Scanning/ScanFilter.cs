using Strata.Images;
using Strata.Vulnerabilities.Severity;

namespace Strata.Vulnerabilities.Scanning;

/// <summary>Which findings a scan keeps: by severity, only those with a fix, and none from the base image's layers.</summary>
public sealed record ScanFilter
{
    public static readonly ScanFilter None = new();

    /// <summary>The severities kept; null keeps every severity.</summary>
    public IReadOnlySet<SeverityLevel>? Severities { get; init; }

    /// <summary>Keep only findings with at least one fixed version.</summary>
    public bool OnlyFixed { get; init; }

    /// <summary>Drop findings whose package came from a base image layer.</summary>
    public bool IgnoreBase { get; init; }

    public bool Keeps(ScanFinding finding) =>
        (Severities is null || Severities.Contains(finding.Finding.Severity.Level))
        && (!OnlyFixed || finding.Finding.FixedVersions.Count > 0)
        && (!IgnoreBase || !finding.InBaseImage);

    /// <summary>The words of a severity list (<c>critical,high</c>), in any case; an unknown word names <paramref name="option"/>.</summary>
    public static IReadOnlySet<SeverityLevel> ParseSeverities(string list, string option)
    {
        var levels = new HashSet<SeverityLevel>();
        foreach (var word in list.Split(',', StringSplitOptions.TrimEntries))
        {
            levels.Add(SeverityNames.Parse(word) ?? throw new StrataException(
                $"{option}: '{word}' is not one of {string.Join(", ", SeverityNames.All)}"));
        }
        return levels;
    }
}
