using System.Text.Json;
using Strata.Images.Output;
using Strata.Analysis.Model;

namespace Strata.Cli.Report;

/// <summary>
/// The size map's data: the final file system's folders with their visible files, and the dead bytes of each folder
/// as boxes of their own, one per layer that killed them. Within a node budget the largest folders are opened first;
/// a folder left closed is one box with its exact total, and a folder with many files shows its largest ones and one
/// box for the rest, so the page stays light whatever the image holds while every byte is still counted.
/// </summary>
internal static class SizeMapBuilder
{
    public const int DefaultNodeBudget = 20_000;

    /// <summary>How many files of one folder get a box of their own; the rest share one.</summary>
    public const int FilesPerFolder = 100;

    /// <summary>How many subfolders of one folder get a box of their own; the rest (the smallest) share one.</summary>
    public const int FoldersPerFolder = 500;

    public static SizeMapFolder Build(ImageAnalysis analysis)
    {
        var root = new SizeMapFolder("/");
        foreach (var layer in analysis.Layers)
        {
            foreach (var entry in layer.Entries)
            {
                if (entry.IsRegularFile && !entry.IsDead)
                {
                    var (folder, name) = Place(root, entry.Path);
                    folder.Files.Add(new SizeMapFile(name, entry.Size, layer.Index));
                }
            }
        }
        foreach (var dead in analysis.DeadFiles)
        {
            var (folder, _) = Place(root, dead.Path);
            if (!folder.Dead.TryGetValue(dead.KilledBy, out var bytes))
            {
                bytes = new SizeMapDeadBytes();
                folder.Dead.Add(dead.KilledBy, bytes);
            }
            bytes.Size += dead.Size;
            bytes.Files++;
            if (dead.Size > bytes.LargestSize)
            {
                bytes.LargestSize = dead.Size;
                bytes.LargestPath = "/" + dead.Path;
            }
        }
        root.ComputeTotals();
        return root;
    }

    /// <summary>
    /// Writes the map as a flat array of rows, parents before children: <c>[parent, type, name, size, ...]</c>.
    /// Types: <c>d</c> an open folder and <c>g</c> a closed one (min layer, max layer, files, dead bytes), <c>f</c> a file (layer), <c>o</c> the rest of a folder's files (how many), <c>x</c> dead bytes
    /// (killing layer, files, largest path). A flat list keeps any nesting depth out of the JSON and the page's code.
    /// </summary>
    public static SizeMapStats Write(Utf8JsonWriter json, SizeMapFolder root, int nodeBudget)
    {
        var open = ChooseOpenFolders(root, nodeBudget);
        var stats = new SizeMapStats { NodeBudget = nodeBudget };
        json.WriteStartArray();
        var queue = new Queue<(SizeMapFolder Folder, int Index)>();
        WriteFolder(json, -1, root, open, stats);
        queue.Enqueue((root, 0));
        while (queue.TryDequeue(out var item))
        {
            var (folder, index) = item;
            var folders = Largest(folder);
            foreach (var child in folders.Take(FoldersPerFolder))
            {
                var childIndex = stats.Nodes;
                WriteFolder(json, index, child, open, stats);
                if (open.Contains(child))
                {
                    queue.Enqueue((child, childIndex));
                }
            }
            if (folders.Count > FoldersPerFolder)
            {
                var rest = folders.Skip(FoldersPerFolder).ToList();
                Row(json, index, "o", $"{rest.Count} smaller folders", rest.Sum(f => f.Total), stats);
                json.WriteNumberValue(rest.Sum(f => f.FileCount));
                json.WriteEndArray();
                stats.GroupedFiles += rest.Sum(f => f.FileCount);
            }
            WriteFiles(json, index, folder, stats);
            foreach (var (killer, dead) in folder.Dead)
            {
                Row(json, index, "x", $"{dead.Files} dead", dead.Size, stats);
                json.WriteNumberValue(killer);
                json.WriteNumberValue(dead.Files);
                json.WriteStringValue(dead.LargestPath);
                json.WriteEndArray();
            }
            json.FlushIfFull();
        }
        json.WriteEndArray();
        return stats;
    }

    /// <summary>The folders to open, largest first, while their boxes fit the budget; the root is always open.</summary>
    private static HashSet<SizeMapFolder> ChooseOpenFolders(SizeMapFolder root, int nodeBudget)
    {
        var open = new HashSet<SizeMapFolder>(ReferenceEqualityComparer.Instance);
        var candidates = new PriorityQueue<SizeMapFolder, long>();
        var used = 1;
        candidates.Enqueue(root, 0);
        while (candidates.TryDequeue(out var folder, out _))
        {
            var cost = Boxes(folder);
            if (folder != root && used + cost > nodeBudget)
            {
                continue;
            }
            used += cost;
            open.Add(folder);
            foreach (var child in Largest(folder).Take(FoldersPerFolder))
            {
                candidates.Enqueue(child, -child.Total);
            }
        }
        return open;
    }

    private static List<SizeMapFolder> Largest(SizeMapFolder folder) =>
        folder.Folders.Values.OrderByDescending(f => f.Total).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();

    /// <summary>Where a path's file goes: its folder (created on the way) and its name.</summary>
    private static (SizeMapFolder Folder, string Name) Place(SizeMapFolder root, string path)
    {
        var folder = root;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length - 1; i++)
        {
            folder = folder.Folder(parts[i]);
        }
        return (folder, parts.Length == 0 ? path : parts[^1]);
    }

    private static int Boxes(SizeMapFolder folder) =>
        Math.Min(folder.Folders.Count, FoldersPerFolder + 1) + Math.Min(folder.Files.Count, FilesPerFolder) + (folder.Files.Count > FilesPerFolder ? 1 : 0) + folder.Dead.Count;

    private static void WriteFolder(Utf8JsonWriter json, int parent, SizeMapFolder folder, HashSet<SizeMapFolder> open, SizeMapStats stats)
    {
        var isOpen = open.Contains(folder);
        Row(json, parent, isOpen ? "d" : "g", folder.Name, folder.Total, stats);
        json.WriteNumberValue(folder.MinLayer);
        json.WriteNumberValue(folder.MaxLayer);
        json.WriteNumberValue(folder.FileCount);
        json.WriteNumberValue(folder.DeadTotal);
        if (!isOpen)
        {
            stats.ClosedFolders++;
        }
        json.WriteEndArray();
    }

    private static void WriteFiles(Utf8JsonWriter json, int parent, SizeMapFolder folder, SizeMapStats stats)
    {
        var largest = folder.Files.Count > FilesPerFolder
            ? folder.Files.OrderByDescending(f => f.Size).ThenBy(f => f.Name, StringComparer.Ordinal).ToList()
            : folder.Files;
        foreach (var file in largest.Take(FilesPerFolder))
        {
            Row(json, parent, "f", file.Name, file.Size, stats);
            json.WriteNumberValue(file.Layer);
            json.WriteEndArray();
        }
        if (largest.Count > FilesPerFolder)
        {
            var rest = largest.Skip(FilesPerFolder).ToList();
            Row(json, parent, "o", $"{rest.Count} smaller files", rest.Sum(f => f.Size), stats);
            json.WriteNumberValue(rest.Count);
            json.WriteEndArray();
            stats.GroupedFiles += rest.Count;
        }
    }

    private static void Row(Utf8JsonWriter json, int parent, string type, string name, long size, SizeMapStats stats)
    {
        json.WriteStartArray();
        json.WriteNumberValue(parent);
        json.WriteStringValue(type);
        json.WriteStringValue(name);
        json.WriteNumberValue(size);
        stats.Nodes++;
    }
}

/// <summary>What the budget did: how many boxes were written, how many folders were left closed, how many files grouped.</summary>
internal sealed class SizeMapStats
{
    public int NodeBudget { get; init; }

    public int Nodes { get; set; }

    public int ClosedFolders { get; set; }

    public int GroupedFiles { get; set; }
}
