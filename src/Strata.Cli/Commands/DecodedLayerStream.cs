using Strata.Images.Layers;
using Strata.Images.Sources;

namespace Strata.Cli.Commands;

/// <summary>A source layer's uncompressed tar, for the slim rewriter; disposing it closes the layer.</summary>
internal sealed class DecodedLayerStream(LayerBlob blob, long maxLayerSize) : Images.IO.ReadOnlyStream
{
    private readonly LayerDecoder _decoder = new(blob, maxLayerSize);

    public override int Read(Span<byte> buffer) => _decoder.Tar.Read(buffer);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decoder.Dispose();
        }
        base.Dispose(disposing);
    }
}
