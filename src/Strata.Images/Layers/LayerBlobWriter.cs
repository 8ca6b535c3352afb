namespace Strata.Images.Layers;

/// <summary>
/// Takes a layer's tar as it is written, compresses it single-threaded (so the bytes depend on nothing but the tar and
/// the options) into a file, and hashes both the tar (diff_id) and the blob (digest) on the way.
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
    {
        _path = path;
        _options = options;
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        _blob = new HashingWriteStream(_file, leaveOpen: true);
        _compressor = options.Compression switch
        {
            Compression.Gzip => new DeterministicGzipStream(_blob, options.EffectiveLevel),
            Compression.Zstd => new ZstdSharp.CompressionStream(_blob, options.EffectiveLevel, leaveOpen: true),
            _ => _blob,
        };
        _tar = new HashingWriteStream(_compressor, leaveOpen: true);
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
            _tar.Dispose();
            _compressor.Dispose();
            _blob.Dispose();
            _file.Dispose();
        }
    }
}
