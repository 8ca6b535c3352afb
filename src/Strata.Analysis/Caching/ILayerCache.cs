using Strata.Analysis.Model;
using Strata.Analysis.Reading;
using Strata.Images.Sources;

namespace Strata.Analysis.Caching;

/// <summary>
/// What the read of a layer produced (its entries and what the captors took from it), kept by diff_id so that a layer
/// already read, in any image, is not inflated again. Called from several layer-reading threads at once.
/// </summary>
public interface ILayerCache
{
    /// <summary>
    /// Holds the layer's diff_id for the caller until disposed, so that two images sharing a layer read it once: the
    /// second waits for the first, then finds it cached.
    /// </summary>
    IDisposable Hold(LayerBlob blob);

    /// <summary>The layer as it was read before, its captors' findings handed back to <paramref name="captor"/>; null when unknown.</summary>
    LayerAnalysis? TryRestore(LayerBlob blob, IFileCaptor? captor);

    /// <summary>Keeps what a read of the layer produced (a layer whose read warned is not kept: its warnings name this image's layer).</summary>
    void Store(LayerBlob blob, LayerAnalysis layer, IFileCaptor? captor);
}
