using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Strata.Sbom.Cache;

/// <summary>
/// The layer cache's SQLite file: opened in WAL mode with a busy timeout, so that several processes (shards of one
/// registry scan) can share it. A file that is not a layer cache of this schema, or is corrupt, is deleted and built
/// anew: its contents are never trusted.
/// </summary>
internal static class LayerCacheFile
{
    public const int SchemaVersion = 1;

    /// <summary>"STLC" in ASCII: Strata layer cache.</summary>
    public const int ApplicationId = 0x53544C43;

    public const int BusyTimeoutMilliseconds = 30_000;

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS layer_parts (
            diff_id TEXT NOT NULL,
            part TEXT NOT NULL,
            version TEXT NOT NULL,
            checksum INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (diff_id, part)
        );
        """;

    public static SqliteConnection Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            return OpenChecked(path);
        }
        catch (SqliteException)
        {
            Delete(path);
            return OpenChecked(path);
        }
    }

    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }

    /// <summary>SQLite's result codes for a file that is damaged or no database at all.</summary>
    public static bool IsCorrupt(SqliteException e) => e.SqliteErrorCode is 11 or 26;

    private static SqliteConnection OpenChecked(string path)
    {
        var connection = Connect(path);
        try
        {
            var applicationId = Pragma(connection, "application_id");
            var version = Pragma(connection, "user_version");
            var empty = applicationId == 0 && version == 0 && Scalar(connection, "SELECT count(*) FROM sqlite_master") == 0;
            if (!empty && (applicationId != ApplicationId || version != SchemaVersion))
            {
                connection.Dispose();
                Delete(path);
                connection = Connect(path);
            }
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, $"{Tables} PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {SchemaVersion};");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static SqliteConnection Connect(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString());
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;");
        return connection;
    }

    private static long Pragma(SqliteConnection connection, string name) => Scalar(connection, $"PRAGMA {name}");

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
