using Strata.Images.Layers;

namespace Strata.Analysis;

/// <summary>Limits and concurrency for reading an image.</summary>
public sealed record AnalysisOptions
{
    /// <summary>The most one layer may inflate to before reading stops (a decompression bomb guard).</summary>
    public long MaxLayerSize { get; init; } = LayerDecoder.DefaultMaxLayerSize;

    /// <summary>
    /// The stored size from which a layer is inflated on a thread of its own (<see cref="LayerDecoder"/>); unset, the
    /// analysis works it out per image (<see cref="Reading.LayerScheduler.ReadAheadFrom"/>).
    /// </summary>
    public long? ReadAheadFrom { get; init; }

    /// <summary>How many layers are read at once.</summary>
    public int Parallelism { get; init; } = Reading.LayerScheduler.DefaultParallelism;

    /// <summary>Sees file contents during the one read of each layer (package catalogers use it).</summary>
    public Reading.IFileCaptor? Captor { get; init; }

    /// <summary>Layers read before, by diff_id: a known layer is handed back instead of read (scan-registry uses it).</summary>
    public Caching.ILayerCache? LayerCache { get; init; }
}
