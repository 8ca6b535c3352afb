using Strata.Images.Layers;

namespace Strata.Analysis.Slim;

/// <summary>Writes the new layers of a slim plan as compressed blobs in a temp folder, several layers at once.</summary>
public static class SlimLayerWriter
{
    /// <summary>
    /// One blob per output layer, null for a layer copied unchanged (its source blob is reused as is).
    /// <paramref name="openTar"/> opens a source layer's uncompressed tar (e.g. through a LayerDecoder); each stream is
    /// read to its end and disposed, and may be opened more than once (a dropped hard link target is read again).
    /// On failure the layer that failed leaves no blob; blobs other layers finished stay in
    /// <paramref name="tempDirectory"/>, which the caller removes.
    /// </summary>
    public static IReadOnlyList<WrittenBlob?> Write(
        SlimPlan plan, Func<int, Stream> openTar, LayerCompressionOptions compression, string tempDirectory,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(tempDirectory);
        var written = new WrittenBlob?[plan.Layers.Count];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        try
        {
            Parallel.ForEach(plan.Layers.Where(l => l.CopiedFrom is null), parallel, layer =>
            {
                written[layer.Index] = WriteOne(layer, openTar, compression, tempDirectory);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The first layer's own error (a StrataException naming the layer) is what the user should see.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return written;
    }

    /// <summary>Writes one output layer to a blob file in <paramref name="tempDirectory"/>.</summary>
    public static WrittenBlob WriteOne(OutputLayerPlan layer, Func<int, Stream> openTar, LayerCompressionOptions compression, string tempDirectory)
    {
        var path = Path.Combine(tempDirectory, $"layer-{layer.Index}.blob");
        using var blob = new LayerBlobWriter(path, compression);
        try
        {
            new SlimLayerRewriter(openTar, tempDirectory).Write(layer, blob.Tar);
            return blob.Finish();
        }
        catch
        {
            blob.Dispose();
            File.Delete(path);
            throw;
        }
    }
}
