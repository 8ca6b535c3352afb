using System.Collections.Concurrent;
using Strata.Images.Model;

namespace Strata.Images.Cache;

/// <summary>One blob in the cache.</summary>
public sealed record CachedBlob(Digest Digest, long Size, DateTime LastUsedUtc);

/// <summary>
/// Content-addressed blobs at <c>ROOT/blobs/ALGORITHM/HEX</c> (sha256 or sha512; the path comes only from a parsed
/// <see cref="Digest"/>, never from a raw string). A blob enters only through <see cref="BlobCacheWriter"/>,
/// which hashes the bytes as they stream, checks digest and size, and renames the file into place; a partial
/// download waits in <c>ROOT/partial</c> to be resumed.
/// </summary>
public sealed class BlobCache(string root)
{
    private readonly ConcurrentDictionary<Digest, long> _storedHere = new();

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary><c>--cache-dir</c>, else STRATA_CACHE_DIR, else <c>$XDG_CACHE_HOME/strata</c>, else <c>~/.cache/strata</c>.</summary>
    public static string DefaultRoot(string? cacheDirFlag, string? strataCacheDir, string? xdgCacheHome, string home)
    {
        if (!string.IsNullOrEmpty(cacheDirFlag))
        {
            return cacheDirFlag;
        }
        if (!string.IsNullOrEmpty(strataCacheDir))
        {
            return strataCacheDir;
        }
        var cacheHome = string.IsNullOrEmpty(xdgCacheHome) ? Path.Combine(home, ".cache") : xdgCacheHome;
        return Path.Combine(cacheHome, "strata");
    }

    public string BlobPath(Digest digest) => Path.Combine(Root, "blobs", digest.Algorithm, digest.Hex);

    internal string PartialPath(Digest digest) => Path.Combine(Root, "partial", $"{digest.Algorithm}-{digest.Hex}");

    public bool Contains(Digest digest, long? size = null)
    {
        var path = BlobPath(digest);
        return IO.FileKind.IsRegular(path) && (size is null || new FileInfo(path).Length == size);
    }

    /// <summary>
    /// True when this instance itself checked the blob's bytes and renamed them into place (a download just now),
    /// and the file is still there at that size: a reader in this process need not hash it again.
    /// </summary>
    public bool StoredHere(Digest digest, long size) => _storedHere.TryGetValue(digest, out var stored) && stored == size && Contains(digest, size);

    internal void MarkStored(Digest digest, long size) => _storedHere[digest] = size;

    /// <summary>Opens a cached blob, marking it used (prune keeps what is used).</summary>
    public Stream OpenRead(Digest digest)
    {
        var path = BlobPath(digest);
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
    }

    /// <summary>Reads a small cached blob whole, or null when it is not cached.</summary>
    public byte[]? TryReadSmall(Digest digest, long size)
    {
        if (!Contains(digest, size))
        {
            return null;
        }
        using var stream = OpenRead(digest);
        var bytes = new byte[size];
        stream.ReadExactly(bytes);
        return digest.Matches(bytes) ? bytes : null;
    }

    /// <summary>Stores a small blob already in memory, after checking it.</summary>
    public void Put(Digest digest, byte[] bytes)
    {
        using var writer = BlobCacheWriter.Begin(this, digest, bytes.Length, allowResume: false);
        writer.Write(bytes);
        writer.Commit();
    }

    public IReadOnlyList<CachedBlob> List()
    {
        var folder = Path.Combine(Root, "blobs");
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var result = new List<CachedBlob>();
        foreach (var algorithmFolder in Directory.EnumerateDirectories(folder))
        {
            var algorithm = Path.GetFileName(algorithmFolder);
            foreach (var file in Directory.EnumerateFiles(algorithmFolder))
            {
                if (Digest.TryParse($"{algorithm}:{Path.GetFileName(file)}", out var digest))
                {
                    var info = new FileInfo(file);
                    result.Add(new CachedBlob(digest, info.Length, info.LastWriteTimeUtc));
                }
            }
        }
        return result.OrderBy(b => b.Digest.ToString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>Deletes blobs (and abandoned partial downloads) unused since <paramref name="olderThan"/> ago.</summary>
    public IReadOnlyList<CachedBlob> Prune(TimeSpan olderThan)
    {
        var cutoff = DateTime.UtcNow - olderThan;
        var removed = new List<CachedBlob>();
        foreach (var blob in List().Where(b => b.LastUsedUtc <= cutoff))
        {
            File.Delete(BlobPath(blob.Digest));
            removed.Add(blob);
        }
        var partial = Path.Combine(Root, "partial");
        if (Directory.Exists(partial))
        {
            foreach (var file in Directory.EnumerateFiles(partial).Where(f => File.GetLastWriteTimeUtc(f) <= cutoff))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // A download still holds it.
                }
            }
        }
        return removed;
    }
}
