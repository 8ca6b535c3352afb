using Strata.Images;
using Strata.Images.Layers;
using Strata.Images.Sources;

namespace Strata.Analysis.Slim;

/// <summary>Opens a resolved image's layers as verified tar streams for <see cref="SlimLayerWriter"/>.</summary>
public static class SlimSource
{
    /// <summary>
    /// Opens layer N's uncompressed tar through the layer decoder; at its end the blob's digest, size and diff_id are
    /// checked, so a source that changed since it was analysed is an error naming the layer.
    /// </summary>
    public static Func<int, Stream> OpenTar(ResolvedImage image, long maxLayerSize = LayerDecoder.DefaultMaxLayerSize) =>
        index => new VerifiedTarStream(new LayerDecoder(image.Layers[index], maxLayerSize));

    private sealed class VerifiedTarStream(LayerDecoder decoder) : Images.IO.ReadOnlyStream
    {
        private readonly BufferedStream _tar = new(decoder.Tar, 1 << 16);
        private bool _finished;

        public override int Read(Span<byte> buffer)
        {
            if (buffer.IsEmpty)
            {
                return 0; // an empty read says nothing about the end, so it must not finish (and drain) the layer
            }
            try
            {
                var read = _tar.Read(buffer);
                if (read == 0 && !_finished)
                {
                    _finished = true;
                    decoder.Finish();
                }
                return read;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw decoder.Wrap(e);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _tar.Dispose();
                decoder.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
