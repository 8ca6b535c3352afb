using Strata.Images.Cache;
using Strata.Images.Model;

namespace Strata.Images.Registry;

/// <summary>
/// Streams a blob from a registry into its reader and into the cache in the same pass. A dropped connection or
/// a short body resumes with a Range request; a download interrupted earlier resumes from its partial file.
/// The blob enters the cache only once its digest and size check out.
/// </summary>
internal sealed class RegistryBlobStream : IO.ReadOnlyStream
{
    private readonly RegistryClient _client;
    private readonly RegistryReference _reference;
    private readonly Digest _digest;
    private readonly long _size;
    private readonly int _maxResumes;
    private readonly BlobCacheWriter _writer;
    private readonly string _what;
    private HttpResponseMessage? _response;
    private Stream? _network;
    private long _position;
    private int _resumes;
    private bool _committed;
    private readonly CancellationToken _cancellation;
    private readonly CancellationTokenRegistration _onCancel;

    public RegistryBlobStream(
        RegistryClient client, RegistryReference reference, Descriptor descriptor, BlobCache cache, int maxResumes, CancellationToken cancellation)
    {
        _cancellation = cancellation;
        // Reads here are synchronous: on Ctrl+C the response is closed under the reader, so a stalled read ends at once.
        _onCancel = cancellation.Register(static state => ((RegistryBlobStream)state!)._response?.Dispose(), this);
        _client = client;
        _reference = reference;
        _digest = descriptor.Digest;
        _size = descriptor.Size;
        _maxResumes = maxResumes;
        _what = $"{reference.Registry}/{reference.Repository}: blob {descriptor.Digest}";
        _writer = BlobCacheWriter.Begin(cache, descriptor.Digest, descriptor.Size);
    }

    public override long Length => _size;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0; // an empty read says nothing about the end of the body
        }
        if (_position < _writer.ResumeOffset)
        {
            var fromDisk = _writer.ReadExisting(_position, buffer);
            if (fromDisk > 0)
            {
                _position += fromDisk;
                return fromDisk;
            }
        }
        while (true)
        {
            _cancellation.ThrowIfCancellationRequested();
            if (_position == _size && _network is null)
            {
                // Everything is here already (an earlier run stopped after the last byte but before keeping the blob):
                // asking the registry for bytes from the end on would only get 416.
                if (!_committed)
                {
                    Finish();
                }
                return 0;
            }
            int read;
            try
            {
                _network ??= Open();
                read = _network.Read(buffer);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or ObjectDisposedException)
            {
                _cancellation.ThrowIfCancellationRequested();
                Resume($"connection dropped at byte {_position} ({e.Message})");
                continue;
            }
            if (read == 0)
            {
                if (_position < _size)
                {
                    Resume($"body ended at byte {_position} of {_size}");
                    continue;
                }
                Finish();
                return 0;
            }
            if (_position + read > _size)
            {
                Fail($"the registry sent more than the {_size} bytes the manifest gives", discard: true);
            }
            _writer.Write(buffer[..read]);
            _position += read;
            return read;
        }
    }

    private Stream Open()
    {
        _response = _client.OpenBlobAsync(_reference, _digest, _position, _cancellation).GetAwaiter().GetResult();
        var stream = _response.Content.ReadAsStream();
        if (_position > 0 && _response.StatusCode != System.Net.HttpStatusCode.PartialContent)
        {
            // The server ignored the range: skip what this stream already has.
            var skip = _position;
            var scratch = new byte[81920];
            while (skip > 0)
            {
                var n = stream.Read(scratch, 0, (int)Math.Min(scratch.Length, skip));
                if (n == 0)
                {
                    throw new IOException("body ended while skipping to the resume point");
                }
                skip -= n;
            }
        }
        return stream;
    }

    private void Resume(string why)
    {
        CloseNetwork();
        if (++_resumes > _maxResumes)
        {
            // What arrived so far may be sound: keep it for the next try to resume from.
            Fail($"gave up after {_maxResumes} resumes: {why}", discard: false);
        }
    }

    private void Finish()
    {
        CloseNetwork();
        try
        {
            _writer.Commit();
            _committed = true;
        }
        catch (StrataException e)
        {
            throw new StrataException($"{_what}: {e.Message.Replace($"blob {_digest}: ", "", StringComparison.Ordinal)}; not cached");
        }
    }

    private void Fail(string why, bool discard)
    {
        CloseNetwork();
        _writer.Abandon(discard);
        throw new StrataException($"{_what}: {why}");
    }

    private void CloseNetwork()
    {
        _network?.Dispose();
        _network = null;
        _response?.Dispose();
        _response = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _onCancel.Dispose();
            CloseNetwork();
            // A reader that stops before the end found the bytes unusable (a corrupt stream): keep none of them.
            _writer.Abandon(discard: !_committed);
            _writer.Dispose();
        }
        base.Dispose(disposing);
    }
}
