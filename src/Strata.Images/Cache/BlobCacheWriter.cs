using System.Security.Cryptography;
using Strata.Images.Model;

namespace Strata.Images.Cache;

/// <summary>
/// Writes one blob into the cache as its bytes arrive. The partial file is held exclusively, so two processes
/// fetching the same blob never write into one file: the second writes its own and the renames agree.
/// </summary>
public sealed class BlobCacheWriter : IDisposable
{
    private readonly BlobCache _cache;
    private readonly Digest _digest;
    private readonly long _size;
    private readonly FileStream _file;
    private readonly string _path;
    private readonly bool _shared;
    private readonly IncrementalHash _hash;
    private bool _done;

    private BlobCacheWriter(BlobCache cache, Digest digest, long size, FileStream file, string path, bool shared)
    {
        _cache = cache;
        _digest = digest;
        _size = size;
        _file = file;
        _path = path;
        _shared = shared;
        _hash = Digest.CreateHash(digest.Algorithm);
    }

    /// <summary>Bytes already on disk from an earlier, interrupted download (0 when starting afresh).</summary>
    public long ResumeOffset { get; private set; }

    public static BlobCacheWriter Begin(BlobCache cache, Digest digest, long size, bool allowResume = true)
    {
        Directory.CreateDirectory(Path.Combine(cache.Root, "partial"));
        Directory.CreateDirectory(Path.GetDirectoryName(cache.BlobPath(digest))!);
        var partial = cache.PartialPath(digest);
        try
        {
            var file = new FileStream(partial, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            var writer = new BlobCacheWriter(cache, digest, size, file, partial, shared: false);
            if (allowResume && file.Length > 0 && file.Length <= size)
            {
                writer.HashExisting();
            }
            else
            {
                file.SetLength(0);
            }
            return writer;
        }
        catch (IOException)
        {
            // Another process is fetching this blob right now: write a private copy instead of waiting.
            var own = $"{partial}.{Environment.ProcessId}.{Guid.NewGuid():N}";
            var file = new FileStream(own, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            return new BlobCacheWriter(cache, digest, size, file, own, shared: true);
        }
    }

    /// <summary>Reads bytes already downloaded (below <see cref="ResumeOffset"/>), for a caller that must see the whole blob.</summary>
    public int ReadExisting(long offset, Span<byte> buffer) =>
        RandomAccess.Read(_file.SafeFileHandle, buffer[..(int)Math.Min(buffer.Length, ResumeOffset - offset)], offset);

    public void Write(ReadOnlySpan<byte> bytes)
    {
        _file.Write(bytes);
        _hash.AppendData(bytes);
    }

    /// <summary>Checks size and digest, then renames the blob into place; a mismatch discards it.</summary>
    public void Commit()
    {
        _file.Flush(flushToDisk: true);
        var length = _file.Length;
        var digest = Digest.FromHash(_digest.Algorithm, _hash);
        _done = true;
        if (length != _size || digest != _digest)
        {
            _file.Dispose();
            File.Delete(_path);
            throw new StrataException(
                length != _size
                    ? $"blob {_digest}: received {length} bytes, expected {_size}"
                    : $"blob {_digest}: received bytes hash to {digest}");
        }
        // Renamed while this process still holds the file's lock: released first, another process pulling the same
        // blob could open the finished partial file in between, take it for a resume, and find it gone at its own rename.
        try
        {
            File.Move(_path, _cache.BlobPath(_digest), overwrite: true);
        }
        finally
        {
            _file.Dispose();
        }
        _cache.MarkStored(_digest, _size);
    }

    /// <summary>Keeps the partial file for a later resume (bytes so far are not known to be wrong).</summary>
    public void Abandon(bool discard)
    {
        if (_done)
        {
            return;
        }
        _done = true;
        _file.Dispose();
        if (discard || _shared)
        {
            File.Delete(_path);
        }
    }

    private void HashExisting()
    {
        _file.Position = 0;
        var buffer = new byte[1 << 16];
        int read;
        while ((read = _file.Read(buffer)) > 0)
        {
            _hash.AppendData(buffer.AsSpan(0, read));
        }
        ResumeOffset = _file.Length;
    }

    public void Dispose()
    {
        Abandon(discard: false);
        _hash.Dispose();
    }
}
