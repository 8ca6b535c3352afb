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
    public static IReadOnlyList<DuplicateGroup> Duplicates(MergedFileSystem merged) =>
        merged.Walk()
            .Where(n => n.Entry is { Kind: EntryKind.File, Size: > 0 })
            .GroupBy(n => (n.Entry!.Size, n.Entry.ContentHash))
            .Where(g => g.Count() > 1)
            .Select(g => new DuplicateGroup(g.Key.Size, g.Key.ContentHash, g.Select(n => "/" + n.Path).Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(d => d.WastedBytes)
            .ThenBy(d => d.Paths[0], StringComparer.Ordinal)
            .ToList();
}
