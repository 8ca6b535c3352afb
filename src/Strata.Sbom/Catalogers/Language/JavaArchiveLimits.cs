namespace Strata.Sbom.Catalogers.Language;

/// <summary>How far a Java archive is read: archives nested in archives, and bytes inflated per top-level archive.</summary>
internal sealed record JavaArchiveLimits(int MaxDepth = 4, long MaxInflated = MetadataLimits.Archive, long MaxMetadataEntry = 1024 * 1024);

/// <summary>A top-level archive inflates to more than its limit (a zip bomb, or sizes that lie); it is read no further.</summary>
internal sealed class ArchiveLimitException(string message) : Exception(message);
