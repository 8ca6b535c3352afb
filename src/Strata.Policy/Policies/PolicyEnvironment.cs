namespace Strata.Policy.Policies;

/// <summary>What a policy may need beyond the image: the clock (for advisory ages) and, with --online, the registry.</summary>
public sealed record PolicyEnvironment
{
    public static readonly PolicyEnvironment Offline = new();

    /// <summary>Now, for a vulnerability's age; fixed by tests.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// With --online: the digests a reference (REGISTRY/REPOSITORY:TAG) points to now, the index's and the platform
    /// manifest's (either may be what a base-digest label recorded); null offline. Returns null when the registry
    /// cannot be read, with the reason.
    /// </summary>
    public Func<string, (IReadOnlyList<string>? Digests, string? Error)>? ResolveDigests { get; init; }
}
