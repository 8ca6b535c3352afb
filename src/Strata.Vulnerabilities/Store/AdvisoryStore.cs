using Microsoft.Data.Sqlite;
using Strata.Images;
using Strata.Vulnerabilities.Matching;
using Strata.Vulnerabilities.Osv;

namespace Strata.Vulnerabilities.Store;

/// <summary>
/// The offline OSV database: one SQLite file, indexed by ecosystem and package name. One connection and one prepared
/// lookup serve every <see cref="Find"/>; a record found for several packages is parsed once. Safe to share between threads.
/// </summary>
public sealed class AdvisoryStore : IAdvisorySource, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _find;
    private readonly SqliteParameter _base;
    private readonly SqliteParameter _name;
    private readonly Dictionary<long, OsvRecord> _parsed = [];
    private readonly Lock _lock = new();

    private AdvisoryStore(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
        _find = connection.CreateCommand();
        _find.CommandText = """
            SELECT r.id, r.osv_id, r.encoding, r.body FROM records r
            WHERE r.id IN (SELECT record FROM affected WHERE ecosystem_base = $base AND name = $name)
            ORDER BY r.osv_id
            """;
        _base = _find.Parameters.Add("$base", SqliteType.Text);
        _name = _find.Parameters.Add("$name", SqliteType.Text);
        _find.Prepare();
    }

    public string Path { get; }

    /// <summary>Where the database lives by default: <c>CACHE_ROOT/osv/osv.sqlite</c>.</summary>
    public static string DefaultPath(string cacheRoot) => System.IO.Path.Combine(cacheRoot, "osv", "osv.sqlite");

    /// <summary>Opens an existing database read-only; a missing or foreign file is a StrataException naming it.</summary>
    public static AdvisoryStore Open(string path)
    {
        StoreSchema.Require(path);
        SqliteConnection? connection = null;
        try
        {
            connection = StoreSchema.OpenReadOnly(path);
            return new AdvisoryStore(path, connection);
        }
        catch (SqliteException e)
        {
            connection?.Dispose();
            throw new StrataException($"{path}: cannot read the advisory database ({e.Message}); {StoreSchema.RebuildHint}");
        }
    }

    /// <summary>Records per ecosystem, where they came from and when, the schema version and the file's size.</summary>
    public static StoreStatus Status(string path)
    {
        using var store = Open(path);
        return store.ReadStatus();
    }

    public IReadOnlyList<OsvRecord> Find(string ecosystemBase, string name)
    {
        lock (_lock)
        {
            _base.Value = ecosystemBase;
            _name.Value = name;
            var found = new List<OsvRecord>();
            try
            {
                using var reader = _find.ExecuteReader();
                while (reader.Read())
                {
                    var id = reader.GetInt64(0);
                    if (!_parsed.TryGetValue(id, out var record))
                    {
                        var where = $"{Path}: {reader.GetString(1)}";
                        var json = RecordBody.Decode(reader.GetInt32(2), (byte[])reader.GetValue(3), where);
                        _parsed[id] = record = OsvParser.Parse(json, where);
                    }
                    found.Add(record);
                }
            }
            catch (SqliteException e)
            {
                throw new StrataException($"{Path}: cannot read the advisory database ({e.Message}); {StoreSchema.RebuildHint}");
            }
            return found;
        }
    }

    public void Dispose()
    {
        _find.Dispose();
        _connection.Dispose();
    }

    private StoreStatus ReadStatus()
    {
        lock (_lock)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT name, records, source, etag, last_modified, imported_at, checked_at FROM ecosystems ORDER BY name COLLATE NOCASE;
                SELECT COUNT(*) FROM records;
                """;
            var ecosystems = new List<EcosystemStatus>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ecosystems.Add(new EcosystemStatus(
                    reader.GetString(0), reader.GetInt64(1), Text(reader, 2), Text(reader, 3), Text(reader, 4),
                    StoredTime.Parse(Text(reader, 5)), StoredTime.Parse(Text(reader, 6))));
            }
            reader.NextResult();
            reader.Read();
            var total = reader.GetInt64(0);
            return new StoreStatus(Path, new FileInfo(Path).Length, StoreSchema.Version, total, ecosystems);
        }
    }

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
