using Strata.Sbom.Model;
using Strata.Vulnerabilities.Matching;
using Strata.Vulnerabilities.Scanning;
using Strata.Vulnerabilities.Severity;

namespace Strata.Vulnerabilities.Tests.Scanning;

/// <summary>Hand-built findings and packages for the scan pipeline's tests.</summary>
internal static class Findings
{
    public static Package Package(string name, string version, int? layer, string ecosystem = "npm", string? createdBy = null) => new()
    {
        Ecosystem = ecosystem,
        Name = name,
        Version = version,
        Purl = $"pkg:{ecosystem}/{name}@{version}",
        Locations = layer is { } l
            ? [new PackageLocation($"/app/node_modules/{name}/package.json", l, $"sha256:{l:x64}", createdBy ?? $"COPY layer{l} /")]
            : [],
    };

    public static Finding Finding(string id, SeverityLevel level, double? score, Package package, params string[] fixedVersions) => new()
    {
        Id = id,
        Package = package,
        FixedVersions = fixedVersions,
        Severity = new SeverityRating(level, score, null, score is null ? "none" : "CVSS_V3"),
        Ecosystem = package.Ecosystem,
    };

    public static ScanTarget Target(int? baseLayers) =>
        new("fixture/app:1", "sha256:" + new string('a', 64), "sha256:" + new string('b', 64), "linux/amd64", null) { BaseLayers = baseLayers, BaseSource = baseLayers is null ? null : "history" };
}
