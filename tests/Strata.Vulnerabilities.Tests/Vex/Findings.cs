using Strata.Sbom.Model;
using Strata.Vulnerabilities.Matching;
using Strata.Vulnerabilities.Scanning;
using Strata.Vulnerabilities.Severity;

namespace Strata.Vulnerabilities.Tests.Vex;

/// <summary>Hand-made findings for the VEX and SARIF tests.</summary>
internal static class Findings
{
    public static ScanFinding Of(string id, string purl, string name, string version, string[]? aliases = null, SeverityRating? severity = null,
        string[]? fixes = null, int? layer = null, string? createdBy = null, bool inBase = false, string? summary = null) =>
        new(new Finding
        {
            Id = id,
            Aliases = aliases ?? [],
            Package = new Package { Ecosystem = purl.StartsWith("pkg:deb/", StringComparison.Ordinal) ? "dpkg" : "npm", Name = name, Version = version, Purl = purl },
            FixedVersions = fixes ?? [],
            Severity = severity ?? SeverityRating.Unknown,
            Ecosystem = purl.StartsWith("pkg:deb/", StringComparison.Ordinal) ? "Debian:12" : "npm",
            Summary = summary,
        }, $"/app/node_modules/{name}/package.json", layer, createdBy, inBase);

    public static ScanFinding Lodash => Of("CVE-2021-23337", "pkg:npm/lodash@4.17.15", "lodash", "4.17.15", ["GHSA-35jh-r3h4-6jhm"]);

    public static ScanFinding Libc => Of("CVE-2023-4911", "pkg:deb/debian/libc6@2.36-9%2Bdeb12u1?arch=amd64&distro=debian-12", "libc6", "2.36-9+deb12u1");

    public static ScanTarget Image => new("registry.example.com/team/app:1.0",
        "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "linux/amd64", null);
}
