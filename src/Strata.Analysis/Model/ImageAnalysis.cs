using Strata.Images.Model;

namespace Strata.Analysis.Model;

/// <summary>A path dive counts more than once, with its total size over all layers.</summary>
public sealed record InefficientPath(string Path, int Count, long CumulativeSize, long MinimumSize);

/// <summary>dive's numbers, computed dive's way so that thresholds tuned for dive carry over.</summary>
public sealed record DiveNumbers(
    double Efficiency,
    long SizeBytes,
    long UserSizeBytes,
    long WastedBytes,
    double UserWastedPercent,
    IReadOnlyList<InefficientPath> InefficientFiles);

/// <summary>A stored file whose bytes the final file system does not show.</summary>
public sealed record DeadFile(string Path, long Size, int StoredIn, int KilledBy, DeathCause Cause);

/// <summary>Files with the same content at several visible paths.</summary>
public sealed record DuplicateGroup(long Size, ulong ContentHash, IReadOnlyList<string> Paths)
{
    public long WastedBytes => (Paths.Count - 1) * Size;
}

public sealed record ImageAnalysis(
    string Name,
    Digest? ManifestDigest,
    Digest ConfigDigest,
    Platform Platform,
    IReadOnlyList<LayerAnalysis> Layers,
    DiveNumbers Dive,
    IReadOnlyList<DeadFile> DeadFiles,
    IReadOnlyList<DuplicateGroup> Duplicates,
    IReadOnlyList<string> Warnings)
{
    public long CompressedSize => Layers.Sum(l => l.CompressedSize);

    public long UncompressedSize => Layers.Sum(l => l.UncompressedSize);

    public long DeadBytes => Layers.Sum(l => l.DeadBytes);

    public long LiveBytes => Layers.Sum(l => l.LiveBytes);

    /// <summary>Dead bytes as a share of all regular-file bytes stored (0 for an image without files).</summary>
    public double DeadPercent => DeadBytes + LiveBytes == 0 ? 0 : (double)DeadBytes / (DeadBytes + LiveBytes);

    public long DuplicateBytes => Duplicates.Sum(d => d.WastedBytes);
}
