using System.Collections.Concurrent;
using System.IO.Hashing;
using Microsoft.Data.Sqlite;
using Strata.Analysis.Caching;
using Strata.Analysis.Model;
using Strata.Analysis.Reading;
using Strata.Images;
using Strata.Images.Sources;

namespace Strata.Sbom.Cache;

/// <summary>
/// The per-layer results cache: for each layer diff_id, the layer's entries and every captor part (each cataloger's
/// captured files and packages, OS detection's files, the secret scan's hits), each row with the version of the code
/// that made it and a checksum. A layer is a hit only when every part it needs is there, current and intact; otherwise
/// it is read again and every part rewritten. One connection, used under a lock: layers are read in parallel.
/// </summary>
public sealed class LayerResultCache : ILayerCache, IDisposable
{
    /// <summary>The file's name in the cache folder.</summary>
    public const string FileName = "layer-results.sqlite";

    private const string EntriesPart = "entries";

    private readonly string _path;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _held = new(StringComparer.Ordinal);
    private SqliteConnection _connection;
    private long _hits;
    private long _misses;

    public LayerResultCache(string path)
    {
        _path = path;
        try
        {
            _connection = LayerCacheFile.Open(path);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StrataException($"{path}: the layer cache cannot be opened ({e.Message})");
        }
    }

    /// <summary>The cache in a cache folder (the blob cache's root).</summary>
    public static LayerResultCache InFolder(string folder) => new(Path.Combine(folder, FileName));

    /// <summary>Layers handed back from the cache since it was opened.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Layers that had to be read (and catalogued) since it was opened.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    public IDisposable Hold(LayerBlob blob)
    {
        var gate = _held.GetOrAdd(blob.DiffId.ToString(), _ => new SemaphoreSlim(1, 1));
        gate.Wait();
        return new Release(gate);
    }

    public LayerAnalysis? TryRestore(LayerBlob blob, IFileCaptor? captor)
    {
        var restored = Restore(blob, captor);
        Interlocked.Increment(ref restored is null ? ref _misses : ref _hits);
        return restored;
    }

    private LayerAnalysis? Restore(LayerBlob blob, IFileCaptor? captor)
    {
        if (blob.ExpectedDigest is null || Captors(captor) is not { } captors)
        {
            return null;
        }
        var rows = Load(blob.DiffId.ToString());
        if (rows is null || !Current(rows, EntriesPart, LayerEntriesCodec.Version, out var entries)
            || LayerEntriesCodec.Decode(entries, blob) is not { } layer)
        {
            return null;
        }
        var parts = new List<(ICacheableCaptor Captor, Dictionary<string, byte[]> Data)>();
        foreach (var cacheable in captors)
        {
            var data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var part in cacheable.Parts)
            {
                if (!Current(rows, part.Name, part.Version, out var bytes))
                {
                    return null;
                }
                data[part.Name] = bytes;
            }
            parts.Add((cacheable, data));
        }
        try
        {
            foreach (var (cacheable, data) in parts)
            {
                cacheable.Restore(blob.Index, data);
            }
        }
        catch (StrataException)
        {
            // A captor decodes every part before taking any, so a part that fails leaves nothing half restored.
            return null;
        }
        return layer;
    }

    public void Store(LayerBlob blob, LayerAnalysis layer, IFileCaptor? captor)
    {
        if (Captors(captor) is not { } captors)
        {
            return;
        }
        var rows = new List<(string Part, string Version, byte[] Data)> { (EntriesPart, LayerEntriesCodec.Version, LayerEntriesCodec.Encode(layer)) };
        foreach (var cacheable in captors)
        {
            if (cacheable.Save(layer.Index) is not { } saved)
            {
                return;
            }
            rows.AddRange(cacheable.Parts.Select(p => (p.Name, p.Version, saved[p.Name])));
        }
        Write(blob.DiffId.ToString(), rows);
    }

    /// <summary>The captors to feed, or null when one of them cannot be cached (the layer must then be read).</summary>
    private static List<ICacheableCaptor>? Captors(IFileCaptor? captor)
    {
        var result = new List<ICacheableCaptor>();
        var pending = new Stack<IFileCaptor>();
        if (captor is not null)
        {
            pending.Push(captor);
        }
        while (pending.TryPop(out var next))
        {
            if (next is CaptorPair pair)
            {
                pending.Push(pair.Second);
                pending.Push(pair.First);
            }
            else if (next is ICacheableCaptor cacheable)
            {
                result.Add(cacheable);
            }
            else
            {
                return null;
            }
        }
        return result;
    }

    private static bool Current(Dictionary<string, (string Version, long Checksum, byte[] Data)> rows, string part, string version, out byte[] data)
    {
        data = [];
        if (!rows.TryGetValue(part, out var row) || row.Version != version || Checksum(row.Data) != row.Checksum)
        {
            return false;
        }
        data = row.Data;
        return true;
    }

    private static long Checksum(byte[] data) => (long)XxHash64.HashToUInt64(data);

    private Dictionary<string, (string Version, long Checksum, byte[] Data)>? Load(string diffId) => Guarded(() =>
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT part, version, checksum, data FROM layer_parts WHERE diff_id = $diff";
        command.Parameters.AddWithValue("$diff", diffId);
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, (string, long, byte[])>(StringComparer.Ordinal);
        while (reader.Read())
        {
            rows[reader.GetString(0)] = (reader.GetString(1), reader.GetInt64(2), (byte[])reader.GetValue(3));
        }
        return rows;
    });

    private void Write(string diffId, List<(string Part, string Version, byte[] Data)> rows) => Guarded(() =>
    {
        using var transaction = _connection.BeginTransaction();
        using (var delete = _connection.CreateCommand())
        {
            // Parts of an older cataloger, or of one no longer registered, go with the layer's rewrite.
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM layer_parts WHERE diff_id = $diff";
            delete.Parameters.AddWithValue("$diff", diffId);
            delete.ExecuteNonQuery();
        }
        using var insert = _connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO layer_parts (diff_id, part, version, checksum, data) VALUES ($diff, $part, $version, $checksum, $data)";
        var parameters = new[] { "$diff", "$part", "$version", "$checksum", "$data" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        foreach (var (part, version, data) in rows)
        {
            parameters[0].Value = diffId;
            parameters[1].Value = part;
            parameters[2].Value = version;
            parameters[3].Value = Checksum(data);
            parameters[4].Value = data;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return true;
    });

    /// <summary>
    /// Runs one use of the file under the lock. A file found corrupt while in use is deleted and built anew (this
    /// layer is then a miss); a file busy past the timeout is only a miss: the layer is read, the scan goes on.
    /// </summary>
    private T? Guarded<T>(Func<T> use) where T : class?
    {
        lock (_gate)
        {
            try
            {
                return use();
            }
            catch (SqliteException e) when (LayerCacheFile.IsCorrupt(e))
            {
                _connection.Dispose();
                LayerCacheFile.Delete(_path);
                _connection = LayerCacheFile.Open(_path);
                return null;
            }
            catch (SqliteException)
            {
                return null;
            }
        }
    }

    private bool Guarded(Func<bool> use) => Guarded<object>(() => use()) is not null;

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
        foreach (var gate in _held.Values)
        {
            gate.Dispose();
        }
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
