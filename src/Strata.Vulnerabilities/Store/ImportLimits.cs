namespace Strata.Vulnerabilities.Store;

/// <summary>
/// Bounds on what an import reads, so a hostile zip (a bomb of one huge entry, or of millions of entries) is refused by
/// name instead of filling memory or running for hours. The defaults are far above OSV's largest export.
/// </summary>
public sealed record ImportLimits
{
    /// <summary>The largest one record may be, as a file or inflated from a zip entry.</summary>
    public long MaxRecordBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The most entries one zip may hold.</summary>
    public long MaxEntries { get; init; } = 2_000_000;

    /// <summary>The most all entries of one zip may inflate to together.</summary>
    public long MaxZipInflatedBytes { get; init; } = 16L * 1024 * 1024 * 1024;

    /// <summary>The largest export a download may bring.</summary>
    public long MaxDownloadBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    public static ImportLimits Default { get; } = new();

    internal static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GiB",
        >= 1L << 20 when bytes % (1L << 20) == 0 => $"{bytes >> 20} MiB",
        >= 1L << 10 when bytes % (1L << 10) == 0 => $"{bytes >> 10} KiB",
        _ => $"{bytes} bytes",
    };
}
