namespace Strata.Images.Layers;

/// <summary>
/// Takes a layer's tar as it is written, compresses it on several threads into a file, and hashes both the tar
/// (diff_id) and the blob (digest) on the way. The bytes depend on nothing but the tar and the options: gzip is cut
/// into fixed pieces (<see cref="DeterministicGzipStream"/>), and zstd's multi-threaded mode gives the same frames
/// for any number of workers from one up.
/// </summary>
public sealed class LayerBlobWriter : IDisposable
{
    private readonly string _path;
    private readonly LayerCompressionOptions _options;
    private readonly FileStream _file;
    private readonly HashingWriteStream _blob;
    private readonly Stream _compressor;
    private readonly HashingWriteStream _tar;
    private bool _finished;

    public LayerBlobWriter(string path, LayerCompressionOptions options)
        : this(path, options, Environment.ProcessorCount)
    {
    }

    /// <summary>With <paramref name="zstdWorkers"/> threads for zstd (at least 1: 0 would be zstd's single-threaded mode, whose frames differ).</summary>
    internal LayerBlobWriter(string path, LayerCompressionOptions options, int zstdWorkers)
    {
        _path = path;
        _options = options;
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        _blob = new HashingWriteStream(_file, leaveOpen: true);
        _compressor = options.Compression switch
        {
            Compression.Gzip => new DeterministicGzipStream(_blob, options.EffectiveLevel),
            Compression.Zstd => Zstd(_blob, options.EffectiveLevel, Math.Max(1, zstdWorkers)),
            _ => _blob,
        };
        _tar = new HashingWriteStream(_compressor, leaveOpen: true);
    }

    private static ZstdSharp.CompressionStream Zstd(Stream target, int level, int workers)
    {
        var zstd = new ZstdSharp.CompressionStream(target, level, leaveOpen: true);
        zstd.SetParameter(ZstdSharp.Unsafe.ZSTD_cParameter.ZSTD_c_nbWorkers, workers);
        return zstd;
    }

    /// <summary>Where the tar is written.</summary>
    public Stream Tar => _tar;

    /// <summary>Ends the compressed stream, flushes the file, and gives the digests and sizes.</summary>
    public WrittenBlob Finish()
    {
        _finished = true;
        _tar.Dispose();
        _compressor.Dispose();
        _blob.Dispose();
        _file.Flush(flushToDisk: false);
        _file.Dispose();
        return new WrittenBlob(_path, _tar.Digest, _tar.BytesWritten, _blob.Digest, _blob.BytesWritten, _options.MediaType);
    }

    public void Dispose()
    {
        if (!_finished)
        {
            // Abandoned: the file goes first, so the compressor's last words have nowhere to go and are not waited for.
            _finished = true;
            _file.Dispose();
            try
            {
                _tar.Dispose();
                _compressor.Dispose();
                _blob.Dispose();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The caller is already reporting why the layer was abandoned.
            }
        }
    }
}
