using Microsoft.Data.Sqlite;

namespace Strata.Sbom.Catalogers.Rpm;

/// <summary>
/// Reads rpm's SQLite database (<c>rpmdb.sqlite</c>, Red Hat family since rpm 4.16): the <c>Packages</c> table
/// holds one header blob per row. SQLite needs a file: the captured bytes go to a private temporary folder that is
/// removed afterwards, with the write-ahead log beside them when the layer stored one.
/// </summary>
internal static class SqliteRpmDb
{
    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    public static bool LooksLike(ReadOnlySpan<byte> file) => file.StartsWith(Magic);

    public static List<byte[]> Values(byte[] file, byte[]? wal)
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
            return Query(path);
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

    private static List<byte[]> Query(string path)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        using var db = new SqliteConnection(connection.ToString());
        db.Open();
        using var query = db.CreateCommand();
        query.CommandText = "SELECT blob FROM Packages ORDER BY hnum";
        using var reader = query.ExecuteReader();
        var values = new List<byte[]>();
        while (reader.Read())
        {
            if (reader.GetValue(0) is byte[] blob)
            {
                values.Add(blob);
            }
        }
        return values;
    }
}
