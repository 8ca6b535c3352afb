using System.Text.Json;
using Strata.Images.Output;
using Strata.Analysis.Model;

namespace Strata.Cli.Report;

/// <summary>
/// One layer's changes for the layers table: added, modified and removed entries, each kind's largest
/// <see cref="RowsPerKind"/> as rows and every kind's exact count and bytes, so a layer of a million files still gives
/// a light page. A removed entry's size is the bytes it hid: the dead files this layer killed at or under its path.
/// </summary>
internal static class LayerChanges
{
    public const int RowsPerKind = 1_000;

    private sealed record Change(ChangeKind Kind, string Path, EntryKind Type, long Size);

    public static void Write(Utf8JsonWriter json, LayerAnalysis layer, IReadOnlyList<DeadFile> killedHere)
    {
        var changes = Changes(layer, killedHere);
        json.WriteStartObject("changes");
        foreach (var kind in (ChangeKind[])[ChangeKind.Added, ChangeKind.Modified, ChangeKind.Removed])
        {
            var ofKind = changes.Where(c => c.Kind == kind).ToList();
            json.WriteStartObject(Word(kind));
            json.WriteNumber("count", ofKind.Count);
            json.WriteNumber("bytes", ofKind.Sum(c => c.Size));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartArray("rows");
        foreach (var group in changes.GroupBy(c => c.Kind))
        {
            foreach (var change in group.OrderByDescending(c => c.Size).ThenBy(c => c.Path, StringComparer.Ordinal).Take(RowsPerKind))
            {
                json.WriteStartArray();
                json.WriteStringValue(Word(change.Kind));
                json.WriteStringValue("/" + change.Path);
                json.WriteNumberValue(change.Size);
                json.WriteStringValue(TypeWord(change.Type));
                json.WriteEndArray();
            }
            json.FlushIfFull();
        }
        json.WriteEndArray();
    }

    private static List<Change> Changes(LayerAnalysis layer, IReadOnlyList<DeadFile> killedHere)
    {
        var changes = new List<Change>();
        var removed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in layer.Entries)
        {
            if (entry.Change is ChangeKind.Unchanged)
            {
                continue;
            }
            if (entry.Change is ChangeKind.Removed)
            {
                if (removed.ContainsKey(entry.Path))
                {
                    continue;
                }
                removed[entry.Path] = changes.Count;
            }
            changes.Add(new Change(entry.Change, entry.Path, entry.Kind, entry.Change is ChangeKind.Removed ? 0 : entry.Size));
        }
        foreach (var dead in killedHere)
        {
            if (dead.Cause is DeathCause.Overwritten)
            {
                continue;
            }
            // The removal that hid the file: an entry at its path or at the nearest folder above it.
            for (var path = dead.Path; path.Length > 0; path = Parent(path))
            {
                if (removed.TryGetValue(path, out var index))
                {
                    changes[index] = changes[index] with { Size = changes[index].Size + dead.Size };
                    break;
                }
            }
        }
        return changes;
    }

    private static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    private static string Word(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Modified => "modified",
        _ => "removed",
    };

    private static string TypeWord(EntryKind kind) => kind switch
    {
        EntryKind.File => "file",
        EntryKind.Directory => "folder",
        EntryKind.Symlink => "symlink",
        EntryKind.Hardlink => "hardlink",
        EntryKind.Whiteout or EntryKind.OpaqueWhiteout => "whiteout",
        _ => "special",
    };
}
