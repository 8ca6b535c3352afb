using System.Runtime.InteropServices;
using Strata.Analysis.Model;

namespace Strata.Analysis.Overlay;

/// <summary>Reads the exact waste off a merged image: dead files and duplicate content.</summary>
public static class WasteFinder
{
    /// <summary>Every stored regular file whose bytes the final file system does not show, largest first.</summary>
    public static IReadOnlyList<DeadFile> DeadFiles(IReadOnlyList<LayerAnalysis> layers) =>
        layers
            .SelectMany(l => l.Entries.Where(e => e.IsRegularFile && e.IsDead).Select(e => new DeadFile(e.Path, e.Size, l.Index, e.KilledBy, e.Cause)))
            .OrderByDescending(d => d.Size)
            .ThenBy(d => d.StoredIn)
            .ThenBy(d => d.Path, StringComparer.Ordinal)
            .ToList();

    /// <summary>Visible regular files (not hardlinks) with the same size and content hash at two or more paths.</summary>
    public static IReadOnlyList<DuplicateGroup> Duplicates(MergedFileSystem merged)
    {
        // Count first, so that only real duplicates are gathered (and get their paths built).
        var counts = new Dictionary<(long Size, ulong Hash), int>();
        foreach (var node in merged.Walk())
        {
            if (node.Entry is { Kind: EntryKind.File, Size: > 0 } file)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(counts, (file.Size, file.ContentHash), out _)++;
            }
        }
        var groups = new Dictionary<(long Size, ulong Hash), List<string>>();
        foreach (var node in merged.Walk())
        {
            if (node.Entry is { Kind: EntryKind.File, Size: > 0 } file && counts[(file.Size, file.ContentHash)] > 1)
            {
                var key = (file.Size, file.ContentHash);
                if (!groups.TryGetValue(key, out var paths))
                {
                    groups[key] = paths = [];
                }
                paths.Add("/" + node.Path);
            }
        }
        return groups
            .Select(g => new DuplicateGroup(g.Key.Size, g.Key.Hash, g.Value.Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(d => d.WastedBytes)
            .ThenBy(d => d.Paths[0], StringComparer.Ordinal)
            .ToList();
    }
}
