using Strata.Analysis.Model;

namespace Strata.Policy.Comparison;

/// <summary>One image's layer at the point where the images diverge.</summary>
public sealed record DivergingLayer(string Digest, string DiffId, string ChainId, long CompressedSize, string? CreatedBy);

/// <summary>
/// Where the images diverge: the layer index of the first difference and each image's layer there (null on the side
/// whose layers ended: the other image only adds layers on top).
/// </summary>
public sealed record LayerDivergence(int Index, DivergingLayer? Before, DivergingLayer? After);

/// <summary>
/// The layers both images share, counted by ChainID (so a shared layer also has everything below it shared), and
/// where they diverge; <see cref="FirstDifferent"/> is null when the images have the same layers.
/// </summary>
public sealed record LayerComparison(int BeforeCount, int AfterCount, int Shared, long SharedCompressedSize, LayerDivergence? FirstDifferent)
{
    public static LayerComparison Of(ImageAnalysis before, ImageAnalysis after)
    {
        var beforeChain = ChainIds.Of(before.Layers.Select(l => l.DiffId));
        var afterChain = ChainIds.Of(after.Layers.Select(l => l.DiffId));
        var shared = 0;
        while (shared < beforeChain.Count && shared < afterChain.Count && beforeChain[shared] == afterChain[shared])
        {
            shared++;
        }
        var sharedSize = before.Layers.Take(shared).Sum(l => l.CompressedSize);
        var divergence = shared == beforeChain.Count && shared == afterChain.Count
            ? null
            : new LayerDivergence(shared, Layer(before, beforeChain, shared), Layer(after, afterChain, shared));
        return new LayerComparison(before.Layers.Count, after.Layers.Count, shared, sharedSize, divergence);
    }

    private static DivergingLayer? Layer(ImageAnalysis image, IReadOnlyList<string> chain, int index)
    {
        if (index >= image.Layers.Count)
        {
            return null;
        }
        var layer = image.Layers[index];
        return new DivergingLayer(layer.Digest.ToString(), layer.DiffId.ToString(), chain[index], layer.CompressedSize, layer.CreatedBy);
    }
}
