using Strata.Analysis.Model;

namespace Strata.Policy.Comparison;

/// <summary>One size in both images, in bytes.</summary>
public readonly record struct SizeChange(long Before, long After)
{
    public long Change => After - Before;
}

/// <summary>
/// The sizes <c>strata analyze</c> gives: compressed (the layers as stored, what a pull downloads), uncompressed
/// (the layer tars), and dead (stored file bytes the final file system does not show).
/// </summary>
public sealed record SizeComparison(SizeChange Compressed, SizeChange Uncompressed, SizeChange Dead)
{
    public static SizeComparison Of(ImageAnalysis before, ImageAnalysis after) => new(
        new SizeChange(before.CompressedSize, after.CompressedSize),
        new SizeChange(before.UncompressedSize, after.UncompressedSize),
        new SizeChange(before.DeadBytes, after.DeadBytes));

    /// <summary>The image grew: its compressed or its uncompressed size is larger.</summary>
    public bool Grew => Compressed.Change > 0 || Uncompressed.Change > 0;
}
