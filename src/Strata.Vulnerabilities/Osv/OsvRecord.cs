namespace Strata.Vulnerabilities.Osv;

/// <summary>One advisory in the OSV schema (https://ossf.github.io/osv-schema/), with the fields Strata matches and reports on.</summary>
public sealed record OsvRecord
{
    public required string Id { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// The IDs this record was derived from (<c>DEBIAN-CVE-2016-2781</c> names <c>CVE-2016-2781</c>). A record with one
    /// upstream ID is the same vulnerability as it; one with several (a DSA covering many CVEs) is not merged with them.
    /// </summary>
    public IReadOnlyList<string> Upstream { get; init; } = [];

    /// <summary>Records that name this one as a related advisory are not merged with it; only aliases are.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    public DateTimeOffset? Modified { get; init; }

    public DateTimeOffset? Published { get; init; }

    /// <summary>A withdrawn record matches nothing.</summary>
    public DateTimeOffset? Withdrawn { get; init; }

    public string? Summary { get; init; }

    public string? Details { get; init; }

    public IReadOnlyList<OsvSeverity> Severity { get; init; } = [];

    public IReadOnlyList<OsvAffected> Affected { get; init; } = [];

    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary><c>database_specific.severity</c> (GHSA's rating: CRITICAL, HIGH, MODERATE, LOW).</summary>
    public string? DatabaseSeverity { get; init; }
}

/// <summary>A <c>severity</c> entry: its type (CVSS_V3, CVSS_V4, CVSS_V2, Ubuntu) and score (a vector or a rating).</summary>
public sealed record OsvSeverity(string Type, string Score);

/// <summary>One <c>affected</c> entry: a package, its ranges and its explicit versions.</summary>
public sealed record OsvAffected
{
    public required OsvPackage Package { get; init; }

    public IReadOnlyList<OsvRange> Ranges { get; init; } = [];

    public IReadOnlyList<string> Versions { get; init; } = [];

    /// <summary>A severity given for this package only (the entry's own <c>severity</c> array).</summary>
    public IReadOnlyList<OsvSeverity> Severity { get; init; } = [];

    /// <summary>The distribution's own rating: <c>ecosystem_specific.urgency</c> (Debian), <c>database_specific.severity</c> and the like.</summary>
    public string? DistroSeverity { get; init; }

    /// <summary>Go records: the standard library packages or module packages named in <c>ecosystem_specific.imports</c>.</summary>
    public IReadOnlyList<string> Imports { get; init; } = [];
}

/// <summary>The package an <c>affected</c> entry names. <see cref="Ecosystem"/> is the full string, such as <c>Debian:12</c>.</summary>
public sealed record OsvPackage(string Ecosystem, string Name, string? Purl)
{
    /// <summary>The ecosystem without its release: <c>Debian</c> for <c>Debian:12</c>, <c>Alpine</c> for <c>Alpine:v3.18</c>.</summary>
    public string EcosystemBase => OsvEcosystem.Base(Ecosystem);

    /// <summary>The release after the first colon (<c>12</c>, <c>v3.18</c>, <c>22.04:LTS</c>), or null.</summary>
    public string? Release => OsvEcosystem.Release(Ecosystem);
}

/// <summary>A range: type ECOSYSTEM, SEMVER or GIT, and its events in order.</summary>
public sealed record OsvRange(string Type, IReadOnlyList<OsvEvent> Events);

/// <summary>One event; exactly one of the four is set.</summary>
public sealed record OsvEvent(string? Introduced = null, string? Fixed = null, string? LastAffected = null, string? Limit = null);
