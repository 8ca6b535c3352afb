using Strata.Sbom.Model;
using Strata.Vulnerabilities.Severity;

namespace Strata.Vulnerabilities.Matching;

/// <summary>One vulnerability in one package: the advisory (with its aliases merged) and what it says about this version.</summary>
public sealed record Finding
{
    /// <summary>The advisory's ID: a CVE when one of the merged records names one (as its ID, an alias or its single upstream ID), else the first record's ID.</summary>
    public required string Id { get; init; }

    /// <summary>Every other ID of the same vulnerability (the other records and their aliases), sorted.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public required Package Package { get; init; }

    /// <summary>The versions that fix it, in the package's ecosystem; empty when no fix is known.</summary>
    public IReadOnlyList<string> FixedVersions { get; init; } = [];

    public required SeverityRating Severity { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    public DateTimeOffset? Published { get; init; }

    /// <summary>The OSV ecosystem the match was made in (<c>Debian:12</c>, <c>npm</c>, <c>Go</c>).</summary>
    public required string Ecosystem { get; init; }
}
