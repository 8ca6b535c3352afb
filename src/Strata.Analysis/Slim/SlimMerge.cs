using Strata.Analysis.Model;

namespace Strata.Analysis.Slim;

/// <summary>
/// Replays the layers by path to find which entry shows at each path of the final file system, and which entry each
/// hard link named when its layer was applied.
/// </summary>
internal sealed class SlimMerge
{
    private readonly Dictionary<string, (int Layer, int Index)> _shown = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _paths = new(StringComparer.Ordinal);

    public SlimMerge(IReadOnlyList<LayerAnalysis> layers)
    {
        for (var layer = 0; layer < layers.Count; layer++)
        {
            var entries = layers[layer].Entries;
            // Whiteouts and opaque markers act on the layers below only, whatever their place in the tar.
            foreach (var entry in entries)
            {
                if (entry.Kind == EntryKind.Whiteout)
                {
                    _shown.Remove(entry.Path);
                    _paths.Remove(entry.Path);
                    RemoveUnder(entry.Path);
                }
                else if (entry.Kind == EntryKind.OpaqueWhiteout)
                {
                    RemoveUnder(entry.Path);
                }
            }
            for (var i = 0; i < entries.Count; i++)
            {
                Apply(layers, layer, i);
            }
        }
    }

    /// <summary>Each path of the final file system and the entry (layer, index in its layer) that shows there.</summary>
    public IReadOnlyDictionary<string, (int Layer, int Index)> Visible => _shown;

    /// <summary>For each hard link: the entry at its target path when it was applied.</summary>
    public Dictionary<FileEntry, (int Layer, int Index)> LinkedTo { get; } = new(ReferenceEqualityComparer.Instance);

    private void Apply(IReadOnlyList<LayerAnalysis> layers, int layer, int index)
    {
        var entry = layers[layer].Entries[index];
        if (entry.Kind is EntryKind.Whiteout or EntryKind.OpaqueWhiteout)
        {
            return;
        }
        if (entry.Kind == EntryKind.Hardlink && entry.LinkTarget is { } target && _shown.TryGetValue(target, out var linked))
        {
            LinkedTo[entry] = linked;
        }
        if (_shown.TryGetValue(entry.Path, out var existing)
            && layers[existing.Layer].Entries[existing.Index].Kind == EntryKind.Directory
            && entry.Kind != EntryKind.Directory)
        {
            RemoveUnder(entry.Path);
        }
        _shown[entry.Path] = (layer, index);
        _paths.Add(entry.Path);
    }

    private void RemoveUnder(string folder)
    {
        var under = PathRange.Under(_paths, folder).ToList();
        foreach (var path in under)
        {
            _shown.Remove(path);
            _paths.Remove(path);
        }
    }
}
