using System.IO.Compression;
using Strata.Analysis.Model;
using Strata.Analysis.Slim;
using Strata.Images.Layers;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Slim;

/// <summary>Analyses hand-made layers, plans a slim of them, writes it, and reads the new layers back as tars.</summary>
internal sealed class SlimHarness : IDisposable
{
    private readonly TempDirectory _directory = new();

    public SlimHarness(params LayerBuilder[] layers)
        : this(layers.Select(l => l.ToTar()).ToArray())
    {
    }

    public SlimHarness(params byte[][] tars)
    {
        Tars = tars;
        var builder = new OciImageBuilder();
        for (var i = 0; i < Tars.Count; i++)
        {
            builder.Layer(Tars[i], $"layer {i}");
        }
        var layout = Path.Combine(_directory.Path, "image");
        builder.WriteOciLayout(layout);
        Analysis = TestImages.Analyze("oci:" + layout);
    }

    public IReadOnlyList<byte[]> Tars { get; }

    public ImageAnalysis Analysis { get; }

    public SlimPlan Plan(SlimOptions? options = null) => SlimPlanner.Plan(Analysis, options ?? new SlimOptions());

    /// <summary>Writes the plan's layers and gives every output layer's blob written (null when copied unchanged).</summary>
    public IReadOnlyList<WrittenBlob?> Write(SlimPlan plan, LayerCompressionOptions compression, string name)
    {
        var folder = Path.Combine(_directory.Path, name);
        return SlimLayerWriter.Write(plan, i => new MemoryStream(Tars[i], writable: false), compression, folder);
    }

    /// <summary>The output image's layer tars, uncompressed: copied layers from the source, new ones from their blobs.</summary>
    public List<byte[]> OutputTars(SlimPlan plan, LayerCompressionOptions? compression = null)
    {
        compression ??= new LayerCompressionOptions(Compression.None);
        var written = Write(plan, compression, "out-" + Guid.NewGuid().ToString("N"));
        return plan.Layers.Select(l => l.CopiedFrom is { } source ? Tars[source] : Decompress(written[l.Index]!, compression.Compression)).ToList();
    }

    public static byte[] Decompress(WrittenBlob blob, Compression compression)
    {
        using var file = File.OpenRead(blob.Path);
        using Stream inflated = compression switch
        {
            Compression.Gzip => new GZipStream(file, CompressionMode.Decompress),
            Compression.Zstd => new ZstdSharp.DecompressionStream(file),
            _ => file,
        };
        using var copy = new MemoryStream();
        inflated.CopyTo(copy);
        return copy.ToArray();
    }

    public static List<string> Names(byte[] tar) => TinyOverlay.Read(tar).Select(e => e.Name).ToList();

    public void Dispose() => _directory.Dispose();
}
