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
        var folder = Directory.CreateTempSubdirectory("strata-rpmdb-");
        try
        {
            var path = Path.Combine(folder.FullName, "rpmdb.sqlite");
            File.WriteAllBytes(path, file);
            if (wal is { Length: > 0 })
            {
                File.WriteAllBytes(path + "-wal", wal);
            }
            var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
            using var db = new SqliteConnection(connection.ToString());
            db.Open();
            using var query = db.CreateCommand();
            query.CommandText = "SELECT blob FROM Packages ORDER BY hnum";
            using var reader = query.ExecuteReader();
            var values = new List<byte[]>();
            while (reader.Read())
            {
                if (!reader.IsDBNull(0))
                {
                    values.Add((byte[])reader.GetValue(0));
                }
            }
            return values;
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException($"SQLite could not read it: {e.Message}", e);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
