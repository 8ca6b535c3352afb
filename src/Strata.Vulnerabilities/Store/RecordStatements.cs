using Microsoft.Data.Sqlite;
using Strata.Vulnerabilities.Osv;

namespace Strata.Vulnerabilities.Store;

/// <summary>The prepared statements that store one record and its index rows, reused for every record of a build.</summary>
internal sealed class RecordStatements : IDisposable
{
    private readonly SqliteCommand _select;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _unindex;
    private readonly SqliteCommand _index;
    private readonly SqliteCommand _seen;

    public RecordStatements(SqliteConnection connection, SqliteTransaction transaction)
    {
        _select = Prepare(connection, transaction, "SELECT id, modified FROM records WHERE osv_id = $osv_id", "$osv_id");
        _insert = Prepare(connection, transaction,
            "INSERT INTO records (osv_id, modified, origin, encoding, body) VALUES ($osv_id, $modified, $origin, $encoding, $body) RETURNING id",
            "$osv_id", "$modified", "$origin", "$encoding", "$body");
        _update = Prepare(connection, transaction,
            "UPDATE records SET modified = $modified, origin = $origin, encoding = $encoding, body = $body WHERE id = $id",
            "$modified", "$origin", "$encoding", "$body", "$id");
        _unindex = Prepare(connection, transaction, "DELETE FROM affected WHERE record = $id", "$id");
        _index = Prepare(connection, transaction,
            "INSERT INTO affected (ecosystem_base, name, record, ecosystem) VALUES ($base, $name, $id, $ecosystem)",
            "$base", "$name", "$id", "$ecosystem");
        _seen = Prepare(connection, transaction, "INSERT OR IGNORE INTO seen (id) VALUES ($id)", "$id");
    }

    public AddOutcome Add(OsvRecord record, ReadOnlySpan<byte> json, string origin)
    {
        long? existing = null;
        long? storedModified = null;
        _select.Parameters[0].Value = record.Id;
        using (var reader = _select.ExecuteReader())
        {
            if (reader.Read())
            {
                existing = reader.GetInt64(0);
                storedModified = reader.IsDBNull(1) ? null : reader.GetInt64(1);
            }
        }
        var modified = record.Modified?.ToUnixTimeMilliseconds();
        if (existing is { } kept && storedModified > modified)
        {
            Seen(kept);
            return AddOutcome.KeptNewer;
        }
        var (encoding, body) = RecordBody.Encode(json);
        long id;
        if (existing is { } replaced)
        {
            Run(_update, modified, origin, encoding, body, replaced);
            Run(_unindex, replaced);
            id = replaced;
        }
        else
        {
            Bind(_insert, record.Id, modified, origin, encoding, body);
            id = (long)_insert.ExecuteScalar()!;
        }
        var packages = record.Affected.Select(a => a.Package).Where(p => p.Ecosystem.Length > 0 && p.Name.Length > 0)
            .Select(p => (p.EcosystemBase, p.Name, p.Ecosystem)).Distinct();
        foreach (var (ecosystemBase, name, ecosystem) in packages)
        {
            Run(_index, ecosystemBase, name, id, ecosystem);
        }
        Seen(id);
        return existing is null ? AddOutcome.Added : AddOutcome.Replaced;
    }

    public void Dispose()
    {
        foreach (var command in new[] { _select, _insert, _update, _unindex, _index, _seen })
        {
            command.Dispose();
        }
    }

    private void Seen(long id) => Run(_seen, id);

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        Bind(command, values);
        command.ExecuteNonQuery();
    }
}
