using Strata.Analysis.Model;
using Strata.Images.Sources;

namespace Strata.Analysis.Caching;

/// <summary>Reads a layer through <see cref="AnalysisOptions.LayerCache"/>: handed back when known, else read and kept.</summary>
public static class CachedLayerReading
{
    public static LayerAnalysis Read(
        LayerBlob blob, AnalysisOptions options, Action<int, long>? progress, Action<string> warn, CancellationToken cancellationToken)
    {
        if (options.LayerCache is not { } cache)
        {
            return ImageAnalyzer.ReadLayer(blob, options, progress, warn, cancellationToken);
        }
        using var held = cache.Hold(blob);
        if (cache.TryRestore(blob, options.Captor) is { } known)
        {
            progress?.Invoke(blob.Index, blob.StoredSize);
            return known;
        }
        var warned = 0;
        var layer = ImageAnalyzer.ReadLayer(blob, options, progress, message =>
        {
            Interlocked.Exchange(ref warned, 1);
            warn(message);
        }, cancellationToken);
        if (warned == 0)
        {
            cache.Store(blob, layer, options.Captor);
        }
        return layer;
    }
}
