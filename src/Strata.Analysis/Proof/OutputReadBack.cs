using System.Collections.Concurrent;
using Strata.Analysis.Model;
using Strata.Analysis.Overlay;
using Strata.Analysis.Slim;
using Strata.Images;
using Strata.Images.Layers;
using Strata.Images.Sources;

namespace Strata.Analysis.Proof;

/// <summary>
/// The slim image's layers as the analysis sees them, for the proof and the summary. Every layer written anew is read
/// back from its blob through the analysis's own layer reader (inflated, parsed, its digest and diff_id checked), all
/// at once. A layer copied from the source is the very blob the first read analysed (it is copied checked against the
/// same digest), so its entries are taken from that analysis rather than read a second time.
/// The layers come back merged: their dead bytes are the output's own.
/// </summary>
public static class OutputReadBack
{
    public static IReadOnlyList<LayerAnalysis> Read(
        ImageAnalysis source, SlimPlan plan, IReadOnlyList<WrittenBlob?> written, AnalysisOptions options, CancellationToken cancellationToken = default)
    {
        var layers = new LayerAnalysis[plan.Layers.Count];
        foreach (var layer in plan.Layers)
        {
            if (layer.CopiedFrom is { } from)
            {
                layers[layer.Index] = Afresh(source.Layers[from], layer.Index);
            }
        }
        var warnings = new ConcurrentQueue<string>();
        var toRead = plan.Layers.Where(l => l.CopiedFrom is null)
            .Select(l => Blob(l.Index, written[l.Index] ?? throw new StrataException($"slim: output layer {l.Index} was not written")))
            .ToList();
        // Never through a layer cache: the proof is that these very blobs read back as planned.
        ImageAnalyzer.ReadLayersInto(layers, toRead, options with { LayerCache = null }, null, warnings.Enqueue, cancellationToken);
        var merged = new MergedFileSystem();
        foreach (var layer in layers)
        {
            merged.Apply(layer.Index, layer.Entries);
        }
        return layers;
    }

    private static LayerBlob Blob(int index, WrittenBlob blob) => new(
        index, blob.Path, blob.Digest, blob.Size, blob.MediaType, blob.DiffId, null, false, blob.Size, () => File.OpenRead(blob.Path));

    /// <summary>A copied layer's analysis with fresh entries: the source's entries carry the source's deaths.</summary>
    private static LayerAnalysis Afresh(LayerAnalysis layer, int index) => new()
    {
        Index = index,
        Digest = layer.Digest,
        DiffId = layer.DiffId,
        CompressedSize = layer.CompressedSize,
        UncompressedSize = layer.UncompressedSize,
        Compression = layer.Compression,
        CreatedBy = layer.CreatedBy,
        Origin = layer.Origin,
        Entries = layer.Entries.Select(e => new FileEntry
        {
            Path = e.Path,
            Kind = e.Kind,
            TypeFlag = e.TypeFlag,
            Size = e.Size,
            Mode = e.Mode,
            Uid = e.Uid,
            Gid = e.Gid,
            LinkTarget = e.LinkTarget,
            ContentHash = e.ContentHash,
        }).ToList(),
    };
}
