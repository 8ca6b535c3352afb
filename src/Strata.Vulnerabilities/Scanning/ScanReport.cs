using Strata.Sbom.Model;
using Strata.Vulnerabilities.Matching;

namespace Strata.Vulnerabilities.Scanning;

/// <summary>What was scanned: the image (or SBOM), its OS, and which of its layers are the base image's.</summary>
public sealed record ScanTarget(string Name, string? ManifestDigest, string? ConfigDigest, string? Platform, OsInfo? Os)
{
    /// <summary>How many of the first layers belong to the base image, or null when no base was found.</summary>
    public int? BaseLayers { get; init; }

    /// <summary>The base image's name (from the OCI labels), when known.</summary>
    public string? BaseName { get; init; }

    public string? BaseDigest { get; init; }

    /// <summary>How the base was found: <c>labels</c>, <c>history</c>, <c>--base-layers</c>, or null.</summary>
    public string? BaseSource { get; init; }
}

/// <summary>A VEX statement that suppresses a finding: its status (not_affected, fixed), justification and document.</summary>
public sealed record Suppression(string Status, string? Justification, string? ImpactStatement, string Document);

/// <summary>A finding placed in the image: the file, the layer that brought the package and whether it is the base's.</summary>
public sealed record ScanFinding(Finding Finding, string? Path, int? LayerIndex, string? LayerCommand, bool InBaseImage)
{
    /// <summary>Set when a VEX statement suppresses this finding; suppressed findings are listed only in json.</summary>
    public Suppression? Suppression { get; init; }
}

/// <summary>A scan's result, findings sorted by severity (highest first), then ID and package.</summary>
public sealed record ScanReport(ScanTarget Target, IReadOnlyList<ScanFinding> Findings)
{
    /// <summary>What the matcher could not check (one line per cause), for standard error.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The findings no VEX statement suppresses: what the table, markdown and SARIF show and --exit-code counts.</summary>
    public IReadOnlyList<ScanFinding> Active => Findings.Where(f => f.Suppression is null).ToList();
}
