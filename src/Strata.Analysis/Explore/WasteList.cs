using Strata.Analysis.Model;

namespace Strata.Analysis.Explore;

/// <summary>The waste pane's lines: every dead file and every duplicate group, largest first.</summary>
internal static class WasteList
{
    public static IReadOnlyList<WasteItem> Build(ImageAnalysis analysis)
    {
        var items = new List<WasteItem>(analysis.DeadFiles.Count + analysis.Duplicates.Count);
        foreach (var dead in analysis.DeadFiles)
        {
            items.Add(new WasteItem(dead.Path, dead.Size, dead.StoredIn, $"dead: {Describe(dead.Cause)} in layer {dead.KilledBy}"));
        }
        var layers = LayersShowing(analysis);
        foreach (var group in analysis.Duplicates)
        {
            var path = group.Paths[0].TrimStart('/');
            var shown = string.Join(", ", group.Paths.Take(3)) + (group.Paths.Count > 3 ? ", …" : "");
            items.Add(new WasteItem(
                path,
                group.WastedBytes,
                layers.GetValueOrDefault(path, analysis.Layers.Count - 1),
                $"duplicate: {group.Paths.Count} copies of {group.Size} bytes: {shown}"));
        }
        // Stable: dead files keep their order (largest, then layer, then path) among equals.
        return items.OrderByDescending(i => i.Bytes).ToList();
    }

    private static string Describe(DeathCause cause) => cause switch
    {
        DeathCause.Overwritten => "overwritten",
        DeathCause.WhitedOut => "removed",
        DeathCause.HiddenByOpaque => "hidden by an opaque folder",
        DeathCause.AncestorReplaced => "a parent replaced",
        _ => "dead",
    };

    /// <summary>For the first path of each duplicate group: the layer that stores the copy the image shows.</summary>
    private static Dictionary<string, int> LayersShowing(ImageAnalysis analysis)
    {
        var wanted = new HashSet<string>(analysis.Duplicates.Select(d => d.Paths[0].TrimStart('/')), StringComparer.Ordinal);
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var layer = analysis.Layers.Count - 1; layer >= 0 && found.Count < wanted.Count; layer--)
        {
            foreach (var entry in analysis.Layers[layer].Entries)
            {
                if (entry is { Kind: EntryKind.File, IsDead: false } && wanted.Contains(entry.Path))
                {
                    found.TryAdd(entry.Path, layer);
                }
            }
        }
        return found;
    }
}
