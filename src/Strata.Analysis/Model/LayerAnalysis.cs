using Strata.Images.Layers;
using Strata.Images.Model;
using Strata.Images.Sources;

namespace Strata.Analysis.Model;

/// <summary>One layer as read: where it came from, its entries, and what the merge found about them.</summary>
public sealed class LayerAnalysis
{
    public required int Index { get; init; }

    /// <summary>The digest of the blob as stored (compressed), computed while reading it.</summary>
    public required Digest Digest { get; init; }

    public required Digest DiffId { get; init; }

    public required long CompressedSize { get; init; }

    public required long UncompressedSize { get; init; }

    public required Compression Compression { get; init; }

    public string? CreatedBy { get; init; }

    public LayerOrigin Origin { get; init; }

    public required IReadOnlyList<FileEntry> Entries { get; init; }

    /// <summary>dive's layer size: the sum of the tar header sizes of all entries.</summary>
    public long SizeBytes => _sizeBytes ??= Entries.Sum(e => e.Size);

    /// <summary>Bytes of this layer's files the final file system does not show (read once the image is merged).</summary>
    public long DeadBytes => _deadBytes ??= Entries.Where(e => e.IsRegularFile && e.IsDead).Sum(e => e.Size);

    public long LiveBytes => Entries.Where(e => e.IsRegularFile).Sum(e => e.Size) - DeadBytes;

    private long? _sizeBytes;
    private long? _deadBytes;

    public int Count(ChangeKind change) => Entries.Count(e => e.Change == change);
}
