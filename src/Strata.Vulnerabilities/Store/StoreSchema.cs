using Microsoft.Data.Sqlite;
using Strata.Images;

namespace Strata.Vulnerabilities.Store;

/// <summary>
/// The advisory database's tables, and how a file is told to be one of this version. SQLite's <c>application_id</c>
/// marks the file as Strata's; <c>user_version</c> holds the schema version.
/// </summary>
internal static class StoreSchema
{
    public const int Version = 1;

    /// <summary>"STRA" in ASCII.</summary>
    public const int ApplicationId = 0x53545241;

    public const string RebuildHint = "run 'strata db update' (or 'strata db import PATH') to build it anew";

    private const string Tables = """
        CREATE TABLE records (
            id INTEGER PRIMARY KEY,
            osv_id TEXT NOT NULL UNIQUE,
            modified INTEGER,
            origin TEXT NOT NULL,
            encoding INTEGER NOT NULL,
            body BLOB NOT NULL
        );
        CREATE TABLE affected (
            ecosystem_base TEXT NOT NULL COLLATE NOCASE,
            name TEXT NOT NULL COLLATE NOCASE,
            record INTEGER NOT NULL,
            ecosystem TEXT NOT NULL
        );
        CREATE INDEX affected_package ON affected (ecosystem_base, name, record);
        CREATE INDEX affected_record ON affected (record);
        CREATE TABLE ecosystems (
            name TEXT PRIMARY KEY,
            records INTEGER NOT NULL DEFAULT 0,
            source TEXT,
            etag TEXT,
            last_modified TEXT,
            imported_at TEXT,
            checked_at TEXT
        );
        """;

    public static void Create(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"{Tables} PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {Version};";
        command.ExecuteNonQuery();
    }

    /// <summary>What the file at <paramref name="path"/> is: none, a Strata database of some version, or something else.</summary>
    public static StoredSchema Inspect(string path)
    {
        if (!File.Exists(path))
        {
            return Directory.Exists(path) ? throw new StrataException($"{path}: a folder, not an advisory database file") : StoredSchema.Missing;
        }
        try
        {
            using var connection = OpenReadOnly(path);
            var applicationId = Pragma(connection, "application_id");
            var version = Pragma(connection, "user_version");
            return applicationId == ApplicationId ? new StoredSchema(true, version) : StoredSchema.Foreign;
        }
        catch (SqliteException)
        {
            return StoredSchema.Foreign;
        }
    }

    /// <summary>Throws a message naming <paramref name="path"/> unless it holds a database of this schema version.</summary>
    public static void Require(string path)
    {
        var schema = Inspect(path);
        if (!schema.Exists)
        {
            throw new StrataException($"{path}: no advisory database there; run 'strata db update' (or 'strata db import PATH') first");
        }
        if (!schema.IsStrata)
        {
            throw new StrataException($"{path}: not a Strata advisory database");
        }
        if (schema.Version != Version)
        {
            throw new StrataException($"{path}: advisory database of schema version {schema.Version}, and this Strata reads version {Version}; {RebuildHint}");
        }
    }

    public static SqliteConnection OpenReadOnly(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static long Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>What a database path holds: nothing, a Strata database of <see cref="Version"/>, or a file of something else.</summary>
internal sealed record StoredSchema(bool IsStrata, long Version, bool Exists = true)
{
    public static readonly StoredSchema Missing = new(false, 0, Exists: false);

    public static readonly StoredSchema Foreign = new(false, 0);

    public bool IsCurrent => IsStrata && Version == StoreSchema.Version;
}
