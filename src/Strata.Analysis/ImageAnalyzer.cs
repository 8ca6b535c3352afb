using System.Collections.Concurrent;
using Strata.Analysis.Dive;
using Strata.Analysis.Model;
using Strata.Analysis.Overlay;
using Strata.Analysis.Reading;
using Strata.Images;
using Strata.Images.Layers;
using Strata.Images.Sources;

namespace Strata.Analysis;

/// <summary>Reads every layer of an image once, in parallel, then merges them in order and computes the numbers.</summary>
public static class ImageAnalyzer
{
    /// <summary>Reads and analyses <paramref name="image"/>. <paramref name="progress"/> hears (layer, compressed bytes read so far).</summary>
    public static ImageAnalysis Analyze(
        ResolvedImage image, AnalysisOptions options, Action<int, long>? progress = null, CancellationToken cancellationToken = default)
    {
        var warnings = new ConcurrentQueue<string>();
        var layers = ReadLayers(image, options, progress, warnings.Enqueue, cancellationToken);
        var entryCount = layers.Sum(l => l.Entries.Count);
        ReturnMemoryBetweenPhases(entryCount);
        var duplicates = MergeAndFindDuplicates(layers);
        // The merged tree is gone by now: dive's numbers need trees of their own, and both at once would double the peak.
        ReturnMemoryBetweenPhases(entryCount);
        var dive = DiveEfficiency.Compute(layers);
        // dive's tables are garbage now, mostly large arrays that only a full collection frees: on a million-file
        // image they would stay beside the dead files and the report built next, and set the run's peak (394 -> 376 MB).
        ReturnMemoryBetweenPhases(entryCount);
        return new ImageAnalysis(
            image.Name,
            image.ManifestDigest,
            image.ConfigDigest,
            image.Platform,
            layers,
            dive,
            WasteFinder.DeadFiles(layers),
            duplicates,
            warnings.ToList());
    }

    /// <summary>
    /// On a large image each phase leaves hundreds of megabytes of garbage the runtime would keep mapped; handing
    /// it back between phases keeps the peak near what is really alive. Small images are not worth the pause.
    /// </summary>
    private static void ReturnMemoryBetweenPhases(int entryCount)
    {
        if (entryCount >= LargeImageEntries)
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    private const int LargeImageEntries = 200_000;

    private static IReadOnlyList<DuplicateGroup> MergeAndFindDuplicates(IReadOnlyList<LayerAnalysis> layers) =>
        WasteFinder.Duplicates(MergedVisibleFiles(layers));

    /// <summary>Merges the layers (recording every entry's fate) and keeps only the visible files, so the tree dies here.</summary>
    private static List<WasteFinder.VisibleFile> MergedVisibleFiles(IReadOnlyList<LayerAnalysis> layers)
    {
        var merged = new MergedFileSystem();
        foreach (var layer in layers)
        {
            merged.Apply(layer.Index, layer.Entries);
        }
        return WasteFinder.VisibleFiles(merged);
    }

    public static LayerAnalysis[] ReadLayers(
        ResolvedImage image, AnalysisOptions options, Action<int, long>? progress, Action<string> warn, CancellationToken cancellationToken)
    {
        var layers = new LayerAnalysis[image.Layers.Count];
        ReadLayersInto(layers, image.Layers, options, progress, warn, cancellationToken);
        return layers;
    }

    /// <summary>
    /// Reads <paramref name="blobs"/> (an image's layers, or some of them) as <see cref="LayerScheduler"/> schedules
    /// them, each into <paramref name="layers"/> at its index, through <see cref="AnalysisOptions.LayerCache"/> if set.
    /// </summary>
    public static void ReadLayersInto(
        LayerAnalysis[] layers, IReadOnlyList<LayerBlob> blobs, AnalysisOptions options, Action<int, long>? progress, Action<string> warn,
        CancellationToken cancellationToken)
    {
        options = options.ReadAheadFrom is null
            ? options with { ReadAheadFrom = LayerScheduler.ReadAheadFrom(blobs, Environment.ProcessorCount) }
            : options;
        LayerScheduler.ForEachLargestFirst(
            blobs,
            options.Parallelism,
            (blob, token) => layers[blob.Index] = Caching.CachedLayerReading.Read(blob, options, progress, warn, token),
            cancellationToken);
    }

    public static LayerAnalysis ReadLayer(
        LayerBlob blob, AnalysisOptions options, Action<int, long>? progress, Action<string> warn, CancellationToken cancellationToken = default)
    {
        using var decoder = new LayerDecoder(
            blob, options.MaxLayerSize, progress is null ? null : read => progress(blob.Index, read),
            readAhead: options.ReadAheadFrom is { } from ? blob.StoredSize >= from : null);
        try
        {
            // TarReader reads 512-byte headers one at a time; a buffer keeps those from each reaching the inflater.
            using var buffered = new BufferedStream(decoder.Tar, 1 << 16);
            var entries = new LayerTarReader(decoder.Name, blob.IsEStargz, warn, blob.Index, options.Captor).Read(buffered, cancellationToken);
            var digests = decoder.Finish();
            if (decoder.Warning is { } warning)
            {
                warn(warning);
            }
            return new LayerAnalysis
            {
                Index = blob.Index,
                Digest = digests.BlobDigest,
                DiffId = blob.DiffId,
                CompressedSize = digests.CompressedSize,
                UncompressedSize = digests.UncompressedSize,
                Compression = digests.Compression,
                CreatedBy = blob.CreatedBy,
                Origin = blob.Origin,
                Entries = entries,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw decoder.Wrap(e);
        }
    }
}
