namespace Strata.Policy.Fleet;

/// <summary>What an image's report counts: active vulnerabilities per severity, failed policies, secrets, advice.</summary>
public sealed record FindingCounts(int Critical, int High, int Medium, int Low, int Unknown, int PolicyFailures, int Secrets, int Advice)
{
    public int Vulnerabilities => Critical + High + Medium + Low + Unknown;
}

/// <summary>One reference of the registry scan as the summary lists it: its image, grade and counts, and its report.</summary>
public sealed record FleetImage(string Reference, string ManifestDigest, string Grade, FindingCounts Findings, string Report, FleetImageStatus Status);

public enum FleetImageStatus
{
    /// <summary>Scanned in this run.</summary>
    Scanned,

    /// <summary>Its manifest digest was reported by an earlier run (or under another reference): not scanned again.</summary>
    Reported,
}

/// <summary>A reference that could not be scanned, with the one-line reason; the scan goes on without it.</summary>
public sealed record FleetFailure(string Reference, string Error);
