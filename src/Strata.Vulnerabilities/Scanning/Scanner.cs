using Strata.Analysis.Base;
using Strata.Sbom.Model;
using Strata.Vulnerabilities.Matching;
using Strata.Vulnerabilities.Vex;

namespace Strata.Vulnerabilities.Scanning;

/// <summary>What a scan does beyond matching: the VEX documents it applies and the filters it keeps findings by.</summary>
public sealed record ScanOptions
{
    public ScanFilter Filter { get; init; } = ScanFilter.None;

    public IReadOnlyList<VexDocument> Vex { get; init; } = [];
}

/// <summary>
/// A scan, from packages to report: matches them against the advisories, places each finding in the image, marks
/// those a VEX statement suppresses, drops those the filters exclude, and sorts the rest by severity.
/// </summary>
public static class Scanner
{
    public static ScanReport Scan(ScanTarget target, IReadOnlyList<Package> packages, IAdvisorySource advisories, ScanOptions options)
    {
        var matched = VulnerabilityMatcher.MatchAll(packages, target.Os, advisories);
        return Report(target, matched.Findings, options) with { Warnings = matched.Warnings };
    }

    /// <summary>The report of findings already matched (no matcher warnings).</summary>
    public static ScanReport Report(ScanTarget target, IReadOnlyList<Finding> findings, ScanOptions options)
    {
        var placed = findings.Select(f => FindingPlacement.Place(f, target.BaseLayers)).ToList();
        var judged = VexFilter.Apply(placed, options.Vex);
        return new ScanReport(target, ScanOrder.Sort(judged.Where(options.Filter.Keeps)));
    }

    /// <summary>What an SBOM (read from an image or a file) describes, with the base found for it.</summary>
    public static ScanTarget Target(SbomDocument sbom, BaseImage? baseImage) =>
        new(sbom.ImageName, sbom.ManifestDigest, NullIfEmpty(sbom.ConfigDigest), NullIfEmpty(sbom.Platform), sbom.Os)
        {
            BaseLayers = baseImage?.Layers,
            BaseName = baseImage?.Name,
            BaseDigest = baseImage?.Digest,
            BaseSource = baseImage?.Source,
        };

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
