using Microsoft.Data.Sqlite;
using Strata.Images;
using Strata.Vulnerabilities.Osv;

namespace Strata.Vulnerabilities.Store;

/// <summary>
/// Builds the next version of the database in a temporary file beside it, starting from a copy of the current one
/// (of this schema version; any other is started afresh), and renames it over the old one on <see cref="Commit"/>.
/// Until then the old file is never written: a failure or an interruption disposes the builder, which deletes its file.
/// </summary>
internal sealed class AdvisoryDatabaseBuilder : IDisposable
{
    private const string TempSuffix = ".tmp";

    /// <summary>A temporary file this old was left by a process that was killed; the next build removes it.</summary>
    private static readonly TimeSpan StaleTemp = TimeSpan.FromDays(1);

    private readonly string _path;
    private readonly string _temp;
    private readonly DateTimeOffset _now;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly RecordStatements _statements;
    private bool _committed;

    private AdvisoryDatabaseBuilder(string path, string temp, DateTimeOffset now, SqliteConnection connection, bool fresh)
    {
        _path = path;
        _temp = temp;
        _now = now;
        _connection = connection;
        Execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;");
        if (fresh)
        {
            StoreSchema.Create(connection);
        }
        _transaction = connection.BeginTransaction();
        Execute("CREATE TEMP TABLE seen (id INTEGER PRIMARY KEY)");
        _statements = new RecordStatements(connection, _transaction);
    }

    /// <summary>The database being replaced, as the user named it.</summary>
    public string Path => _path;

    /// <summary>
    /// Starts the next version of <paramref name="path"/>. A file there that is not a Strata database is refused
    /// rather than replaced; its folder must exist.
    /// </summary>
    public static AdvisoryDatabaseBuilder Start(string path, DateTimeOffset now)
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new StrataException($"{path}: the folder '{directory}' does not exist");
        }
        var schema = StoreSchema.Inspect(full);
        if (schema.Exists && !schema.IsStrata)
        {
            throw new StrataException($"{path}: not a Strata advisory database; refusing to replace it (remove it, or give another --db)");
        }
        RemoveStaleTemps(full);
        var temp = TempSibling(full, "build");
        SqliteConnection? connection = null;
        try
        {
            if (schema.IsCurrent)
            {
                File.Copy(full, temp);
            }
            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
            connection.Open();
            return new AdvisoryDatabaseBuilder(path, temp, now, connection, fresh: !schema.IsCurrent);
        }
        catch (Exception e)
        {
            connection?.Dispose();
            TryDelete(temp);
            throw e is IOException or UnauthorizedAccessException or SqliteException
                ? new StrataException($"{path}: cannot build the advisory database beside it ({e.Message})")
                : e;
        }
    }

    /// <summary>A temporary name beside the database, which <see cref="RemoveStaleTemps"/> knows to clean up.</summary>
    public static string TempSibling(string databasePath, string what)
    {
        var full = System.IO.Path.GetFullPath(databasePath);
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, $".{System.IO.Path.GetFileName(full)}.{what}.{Guid.NewGuid():N}{TempSuffix}");
    }

    /// <summary>Stores <paramref name="record"/> unless the database holds a newer one (by <c>modified</c>) under its ID.</summary>
    public AddOutcome Add(OsvRecord record, ReadOnlySpan<byte> json, string origin) => _statements.Add(record, json, origin);

    /// <summary>Starts applying a downloaded export: records it holds are noted, so those it no longer holds can be removed.</summary>
    public void BeginExport() => Execute("DELETE FROM seen");

    /// <summary>
    /// Ends an export of <paramref name="ecosystem"/>: removes the records an earlier download of it brought that it no
    /// longer holds (imported records stay), and records where it came from.
    /// </summary>
    public long EndExport(string ecosystem, string origin, string source, string? etag, string? lastModified)
    {
        long removed;
        using (var command = Command("""
            DELETE FROM affected WHERE record IN (SELECT id FROM records WHERE origin = $origin AND id NOT IN (SELECT id FROM seen));
            DELETE FROM records WHERE origin = $origin AND id NOT IN (SELECT id FROM seen);
            SELECT changes();
            """))
        {
            command.Parameters.AddWithValue("$origin", origin);
            removed = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        SetSource(ecosystem, source, etag, lastModified, imported: true);
        return removed;
    }

    /// <summary>The export of <paramref name="ecosystem"/> has not changed (304): its records are current as of now.</summary>
    public void MarkChecked(string ecosystem)
    {
        using var command = Command("UPDATE ecosystems SET checked_at = $now WHERE name = $name");
        command.Parameters.AddWithValue("$now", StoredTime.Format(_now));
        command.Parameters.AddWithValue("$name", ecosystem);
        command.ExecuteNonQuery();
    }

    /// <summary>Records imported from <paramref name="source"/> for <paramref name="ecosystem"/>; an export's validators stay.</summary>
    public void NoteImport(string ecosystem, string source) => SetSource(ecosystem, source, null, null, imported: false);

    /// <summary>
    /// The validators (ETag, Last-Modified) stored for <paramref name="ecosystem"/> when its records were last
    /// downloaded from <paramref name="source"/>; none for another source, whose validators mean nothing here.
    /// </summary>
    public (string? ETag, string? LastModified) Validators(string ecosystem, string source)
    {
        using var command = Command("SELECT etag, last_modified FROM ecosystems WHERE name = $name AND source = $source");
        command.Parameters.AddWithValue("$name", ecosystem);
        command.Parameters.AddWithValue("$source", source);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : (null, null);
    }

    /// <summary>Counts each ecosystem's records, then renames the new file over the old one.</summary>
    public void Commit()
    {
        Execute("""
            INSERT INTO ecosystems (name) SELECT DISTINCT ecosystem_base FROM affected WHERE true ON CONFLICT (name) DO NOTHING;
            UPDATE ecosystems SET records = (SELECT COUNT(DISTINCT record) FROM affected WHERE affected.ecosystem_base = ecosystems.name);
            """);
        _statements.Dispose();
        _transaction.Commit();
        _connection.Close();
        try
        {
            using (var file = new FileStream(_temp, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                file.Flush(flushToDisk: true);
            }
            File.Move(_temp, _path, overwrite: true);
            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StrataException($"{_path}: cannot replace the advisory database ({e.Message})");
        }
    }

    public void Dispose()
    {
        _statements.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
        if (!_committed)
        {
            TryDelete(_temp);
        }
    }

    private void SetSource(string ecosystem, string source, string? etag, string? lastModified, bool imported)
    {
        using var command = Command(imported
            ? """
              INSERT INTO ecosystems (name, source, etag, last_modified, imported_at, checked_at) VALUES ($name, $source, $etag, $modified, $now, $now)
              ON CONFLICT (name) DO UPDATE SET source = $source, etag = $etag, last_modified = $modified, imported_at = $now, checked_at = $now
              """
            : """
              INSERT INTO ecosystems (name, source, imported_at, checked_at) VALUES ($name, $source, $now, $now)
              ON CONFLICT (name) DO UPDATE SET source = $source, imported_at = $now, checked_at = $now
              """);
        command.Parameters.AddWithValue("$name", ecosystem);
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$etag", (object?)etag ?? DBNull.Value);
        command.Parameters.AddWithValue("$modified", (object?)lastModified ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", StoredTime.Format(_now));
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void RemoveStaleTemps(string full)
    {
        var directory = System.IO.Path.GetDirectoryName(full)!;
        foreach (var file in Directory.EnumerateFiles(directory, $".{System.IO.Path.GetFileName(full)}.*{TempSuffix}"))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > StaleTemp)
            {
                TryDelete(file);
            }
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>What <see cref="AdvisoryDatabaseBuilder.Add"/> did with a record.</summary>
internal enum AddOutcome
{
    Added,
    Replaced,

    /// <summary>The database holds a newer version of it (a later <c>modified</c>), which stays.</summary>
    KeptNewer,
}
