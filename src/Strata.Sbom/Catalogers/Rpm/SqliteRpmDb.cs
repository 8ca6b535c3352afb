using Microsoft.Data.Sqlite;

namespace Strata.Sbom.Catalogers.Rpm;

/// <summary>
/// Reads rpm's SQLite database (<c>rpmdb.sqlite</c>, Red Hat family since rpm 4.16): the <c>Packages</c> table
/// holds one header blob per row. SQLite needs a file: the captured bytes go to a private temporary folder that is
/// removed afterwards, with the write-ahead log beside them when the layer stored one. The database may be hostile:
/// Packages must be a stored table (a view is a query its author wrote), and rows, value sizes and steps are capped.
/// </summary>
internal static class SqliteRpmDb
{
    /// <summary>Far more packages than any real system has.</summary>
    internal const int MaxRows = 100_000;

    /// <summary>The largest value SQLite may make: the largest rpm header is a few MiB.</summary>
    internal const int MaxValueBytes = 16 * 1024 * 1024;

    /// <summary>
    /// SQLite virtual-machine steps a query may take: reading a real database of the largest size captured takes a
    /// small fraction of it; a hostile query is interrupted.
    /// </summary>
    private const long MaxSteps = 500_000_000;

    private const int StepsPerCheck = 100_000;

    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    public static bool LooksLike(ReadOnlySpan<byte> file) => file.StartsWith(Magic);

    public static List<byte[]> Values(byte[] file, byte[]? wal, Action<string>? warn = null)
    {
        if (!LooksLike(file))
        {
            throw new InvalidDataException("not an SQLite database (no 'SQLite format 3' magic)");
        }
        DirectoryInfo? folder = null;
        try
        {
            folder = Directory.CreateTempSubdirectory("strata-rpmdb-");
            var path = Path.Combine(folder.FullName, "rpmdb.sqlite");
            File.WriteAllBytes(path, file);
            if (wal is { Length: > 0 })
            {
                File.WriteAllBytes(path + "-wal", wal);
            }
            return Query(path, warn);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT)
        {
            throw new InvalidDataException("SQLite took too many steps to read Packages", e);
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException($"SQLite could not read it: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"could not give it to SQLite as a temporary file: {e.Message}", e);
        }
        finally
        {
            try
            {
                folder?.Delete(recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A temporary folder left behind is no reason to lose the packages.
            }
        }
    }

    private static List<byte[]> Query(string path, Action<string>? warn)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        using var db = new SqliteConnection(connection.ToString());
        db.Open();
        // One row is one package's header: a few hundred KiB at most. Longer values stop the query with an error.
        SQLitePCL.raw.sqlite3_limit(db.Handle, SQLitePCL.raw.SQLITE_LIMIT_LENGTH, MaxValueBytes);
        var steps = 0L;
        SQLitePCL.raw.sqlite3_progress_handler(db.Handle, StepsPerCheck, _ => ++steps > MaxSteps / StepsPerCheck ? 1 : 0, null);
        RequireTable(db);
        using var query = db.CreateCommand();
        query.CommandText = $"SELECT blob FROM Packages ORDER BY hnum LIMIT {MaxRows + 1}";
        using var reader = query.ExecuteReader();
        var values = new List<byte[]>();
        while (reader.Read())
        {
            if (values.Count == MaxRows)
            {
                warn?.Invoke($"more than {MaxRows} packages; read the first {MaxRows}");
                break;
            }
            if (reader.GetValue(0) is byte[] blob)
            {
                values.Add(blob);
            }
        }
        return values;
    }

    /// <summary>
    /// Packages must be a plain table whose columns are stored: a view or a generated column is a query the
    /// database's author wrote, and could run for ever or make values of any size.
    /// </summary>
    private static void RequireTable(SqliteConnection db)
    {
        using var schema = db.CreateCommand();
        schema.CommandText = "SELECT type, sql FROM sqlite_master WHERE name = 'Packages' COLLATE NOCASE";
        using (var reader = schema.ExecuteReader())
        {
            if (!reader.Read())
            {
                throw new InvalidDataException("SQLite database without a Packages table");
            }
            var type = reader.GetString(0);
            var sql = reader.IsDBNull(1) ? "" : reader.GetString(1);
            if (type != "table" || sql.TrimStart().StartsWith("CREATE VIRTUAL", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException($"Packages is a {(type == "table" ? "virtual table" : type)}, not a table");
            }
        }
        schema.CommandText = "SELECT name FROM pragma_table_xinfo('Packages') WHERE hidden <> 0 AND name IN ('blob', 'hnum')";
        if (schema.ExecuteScalar() is string generated)
        {
            throw new InvalidDataException($"Packages column '{generated}' is computed, not stored");
        }
    }
}
