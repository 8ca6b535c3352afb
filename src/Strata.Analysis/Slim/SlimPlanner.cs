using Strata.Analysis.Model;

namespace Strata.Analysis.Slim;

/// <summary>
/// Decides, from an analysed image, which entries of which layers a slim keeps: what the final file system shows,
/// whiteouts that still hide something kept below, and hard links made to keep working.
/// </summary>
public static class SlimPlanner
{
    public static SlimPlan Plan(ImageAnalysis image, SlimOptions options)
    {
        var layers = image.Layers;
        var firstRewritable = options.RewriteBase ? 0 : Math.Clamp(options.BaseLayers, 0, layers.Count);
        var keys = layers.Select(l => KeysOf(l.Entries)).ToArray();
        var merge = new SlimMerge(layers);
        var kept = layers.Select(_ => new HashSet<int>()).ToArray();
        for (var layer = 0; layer < layers.Count; layer++)
        {
            if (layer < firstRewritable)
            {
                kept[layer].UnionWith(Enumerable.Range(0, layers[layer].Entries.Count));
            }
        }
        foreach (var (layer, index) in merge.Visible.Values)
        {
            kept[layer].Add(index);
        }

        var warnings = new List<string>();
        var removed = ApplyRemovals(layers, options.Removals, firstRewritable, merge, kept, warnings);
        var whole = WholeLayers(layers, firstRewritable, options, kept, removed);
        KeepNeededWhiteouts(layers, firstRewritable, kept, whole, removed.Select(r => r.Path).ToHashSet(StringComparer.Ordinal));
        var whiteouts = NewWhiteouts(layers.Count, removed);
        var (materialize, relink, carried) = FixHardlinks(layers, merge, kept, keys, warnings);
        // A removed file whose bytes a kept hard link now carries frees nothing.
        removed = removed.Select(r => r.Entry is { } e && carried.Contains(e) ? r with { Bytes = 0 } : r).ToList();

        var selections = new LayerSelection?[layers.Count];
        for (var layer = firstRewritable; layer < layers.Count; layer++)
        {
            if (kept[layer].Count > 0 || whiteouts[layer].Count > 0)
            {
                selections[layer] = new LayerSelection(
                    layer,
                    kept[layer].Select(i => keys[layer][i]).ToHashSet(),
                    materialize[layer],
                    relink[layer])
                {
                    Whiteouts = whiteouts[layer],
                };
            }
        }
        return Assemble(layers, firstRewritable, options, selections, removed) with
        {
            Warnings = warnings,
            DeadBytesKeptInBase = layers.Take(firstRewritable).Sum(l => l.DeadBytes),
        };
    }

    private static SlimPlan Assemble(
        IReadOnlyList<LayerAnalysis> layers, int firstRewritable, SlimOptions options, LayerSelection?[] selections,
        List<RemovedPath> removed)
    {
        var output = new List<OutputLayerPlan>();
        var fates = new SourceLayerFate[layers.Count];
        for (var layer = 0; layer < firstRewritable; layer++)
        {
            fates[layer] = new SourceLayerFate(layer, output.Count, Unchanged: true);
            output.Add(new OutputLayerPlan(output.Count, layer, []));
        }
        var squashFrom = options.Squash ? Math.Max(firstRewritable, options.BaseLayers) : layers.Count;
        for (var layer = firstRewritable; layer < Math.Min(squashFrom, layers.Count); layer++)
        {
            if (selections[layer] is not { } selection)
            {
                fates[layer] = new SourceLayerFate(layer, null, Unchanged: false);
                continue;
            }
            var unchanged = IsWhole(selection, layers[layer]);
            fates[layer] = new SourceLayerFate(layer, output.Count, unchanged);
            output.Add(new OutputLayerPlan(output.Count, unchanged ? layer : null, unchanged ? [] : [selection]));
        }
        if (squashFrom < layers.Count)
        {
            var squashed = selections.Skip(squashFrom).OfType<LayerSelection>().ToList();
            for (var layer = squashFrom; layer < layers.Count; layer++)
            {
                fates[layer] = new SourceLayerFate(layer, selections[layer] is null ? null : output.Count, Unchanged: false);
            }
            if (squashed.Count > 0)
            {
                output.Add(new OutputLayerPlan(output.Count, null, squashed));
            }
        }
        return new SlimPlan(output, fates, removed);
    }

    /// <summary>A layer that keeps every entry as it was is copied blob for blob.</summary>
    private static bool IsWhole(LayerSelection selection, LayerAnalysis layer) =>
        selection.Keep.Count == layer.Entries.Count && selection.Materialize.Count == 0 && selection.Relink.Count == 0
        && selection.Whiteouts.Count == 0;

    /// <summary>
    /// For each layer, the whiteouts to add in place of its removed entries whose paths the untouched base layers also
    /// hold (the base's copy would show again); none under another one, which hides them already.
    /// </summary>
    private static List<string>[] NewWhiteouts(int layerCount, List<RemovedPath> removed)
    {
        var whiteouts = Enumerable.Range(0, layerCount).Select(_ => new List<string>()).ToArray();
        foreach (var group in removed.Where(r => r.WhitedOut).GroupBy(r => r.SourceLayer))
        {
            var paths = new SortedSet<string>(group.Select(r => r.Path), StringComparer.Ordinal);
            whiteouts[group.Key].AddRange(paths.Where(p => !IsUnderAny(paths, p)));
        }
        return whiteouts;
    }

    private static EntryKey[] KeysOf(IReadOnlyList<FileEntry> entries)
    {
        var seen = new Dictionary<(string, EntryKind), int>();
        var keys = new EntryKey[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var id = (entries[i].Path, entries[i].Kind);
            seen.TryGetValue(id, out var count);
            seen[id] = count + 1;
            keys[i] = new EntryKey(entries[i].Path, entries[i].Kind, count);
        }
        return keys;
    }

    private static List<RemovedPath> ApplyRemovals(
        IReadOnlyList<LayerAnalysis> layers, IReadOnlyList<PathRemoval> removals, int firstRewritable, SlimMerge merge,
        HashSet<int>[] kept, List<string> warnings)
    {
        var removed = new List<RemovedPath>();
        if (removals.Count == 0)
        {
            return removed;
        }
        // A path an untouched layer also holds is removed with a new whiteout, as the base's copy would show again.
        var untouched = new HashSet<string>(StringComparer.Ordinal);
        for (var layer = 0; layer < firstRewritable; layer++)
        {
            untouched.UnionWith(layers[layer].Entries.Where(e => e.Kind is not (EntryKind.Whiteout or EntryKind.OpaqueWhiteout)).Select(e => e.Path));
        }
        var keptPaths = new SortedSet<string>(merge.Visible.Keys, StringComparer.Ordinal);
        var candidates = merge.Visible
            .Where(v => v.Value.Layer >= firstRewritable)
            .Select(v => (Path: v.Key, v.Value.Layer, v.Value.Index, Entry: layers[v.Value.Layer].Entries[v.Value.Index]))
            .OrderByDescending(c => c.Path, StringComparer.Ordinal)
            .ToList();
        foreach (var candidate in candidates)
        {
            var reason = removals.FirstOrDefault(r => r.Matches(candidate.Path))?.Reason;
            if (reason is null)
            {
                continue;
            }
            if (candidate.Entry.Kind == EntryKind.Directory
                && PathRange.Under(keptPaths, candidate.Path).Any())
            {
                continue;
            }
            kept[candidate.Layer].Remove(candidate.Index);
            keptPaths.Remove(candidate.Path);
            removed.Add(new RemovedPath(candidate.Path, reason, candidate.Entry.Size, candidate.Layer)
            {
                Entry = candidate.Entry,
                WhitedOut = untouched.Contains(candidate.Path),
            });
        }
        removed.Reverse();
        return removed;
    }

    /// <summary>
    /// The rewritable layers kept whole (see <see cref="SlimOptions.KeepWholeFrom"/>): big enough, losing no file
    /// bytes, left with something, and holding nothing at or under a removed path. Their entries are all kept.
    /// </summary>
    private static bool[] WholeLayers(
        IReadOnlyList<LayerAnalysis> layers, int firstRewritable, SlimOptions options, HashSet<int>[] kept, List<RemovedPath> removed)
    {
        var whole = new bool[layers.Count];
        if (options.Squash)
        {
            return whole;
        }
        var removedPaths = new SortedSet<string>(removed.Select(r => r.Path), StringComparer.Ordinal);
        for (var layer = firstRewritable; layer < layers.Count; layer++)
        {
            var entries = layers[layer].Entries;
            whole[layer] = layers[layer].CompressedSize >= options.KeepWholeFrom
                && kept[layer].Count > 0
                && Enumerable.Range(0, entries.Count).All(i => kept[layer].Contains(i) || entries[i].Size == 0)
                && !entries.Any(e => removedPaths.Contains(e.Path) || HasUnder(removedPaths, e.Path) || IsUnderAny(removedPaths, e.Path));
            if (whole[layer])
            {
                kept[layer].UnionWith(Enumerable.Range(0, entries.Count));
            }
        }
        return whole;
    }

    private static bool IsUnderAny(SortedSet<string> folders, string path)
    {
        for (var cut = path.LastIndexOf('/'); cut > 0; cut = path.LastIndexOf('/', cut - 1))
        {
            if (folders.Contains(path[..cut]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Kept entries of rewritten layers are all visible, so a whiteout or opaque marker there only still hides
    /// something when an untouched layer below (a base layer, or one kept whole) holds a path at or under it; the same
    /// holds for a file that replaced an untouched folder without a whiteout, even when a later layer replaces the file
    /// in turn.
    /// </summary>
    private static void KeepNeededWhiteouts(
        IReadOnlyList<LayerAnalysis> layers, int firstRewritable, HashSet<int>[] kept, bool[] whole, HashSet<string> removed)
    {
        var untouched = new SortedSet<string>(StringComparer.Ordinal);
        for (var layer = 0; layer < firstRewritable; layer++)
        {
            untouched.UnionWith(layers[layer].Entries.Where(e => e.Kind is not (EntryKind.Whiteout or EntryKind.OpaqueWhiteout)).Select(e => e.Path));
        }
        for (var layer = firstRewritable; layer < layers.Count; layer++)
        {
            var entries = layers[layer].Entries;
            if (whole[layer])
            {
                untouched.UnionWith(entries.Where(e => e.Kind is not (EntryKind.Whiteout or EntryKind.OpaqueWhiteout)).Select(e => e.Path));
                continue;
            }
            if (untouched.Count == 0)
            {
                continue;
            }
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                if (removed.Contains(entry.Path) && entry.Kind is not (EntryKind.Whiteout or EntryKind.OpaqueWhiteout))
                {
                    continue; // a removed path's new whiteout does the hiding
                }
                var hides = entry.Kind switch
                {
                    EntryKind.Whiteout => untouched.Contains(entry.Path) || HasUnder(untouched, entry.Path),
                    EntryKind.OpaqueWhiteout => HasUnder(untouched, entry.Path),
                    EntryKind.Directory => false,
                    // A file stored over an untouched folder, with no whiteout, is what removed that folder's contents.
                    _ => HasUnder(untouched, entry.Path) && !entries.Any(e => e.Kind == EntryKind.Whiteout && e.Path == entry.Path),
                };
                if (hides)
                {
                    kept[layer].Add(i);
                }
            }
        }
    }

    private static bool HasUnder(SortedSet<string> paths, string folder) => PathRange.Under(paths, folder).Any();

    /// <summary>
    /// A kept hard link whose target entry is dropped becomes that entry itself: a regular file with the target's
    /// content, or a symlink, device or FIFO with the target's header; later links to the same target point at it
    /// instead. A link to a folder cannot be made on extraction, so it is dropped with a warning (the proof then names
    /// it). Returns the dropped targets whose bytes a link now carries.
    /// </summary>
    private static (Dictionary<EntryKey, HardlinkContent>[] Materialize, Dictionary<EntryKey, string>[] Relink, HashSet<FileEntry> Carried) FixHardlinks(
        IReadOnlyList<LayerAnalysis> layers, SlimMerge merge, HashSet<int>[] kept, EntryKey[][] keys, List<string> warnings)
    {
        var materialize = layers.Select(_ => new Dictionary<EntryKey, HardlinkContent>()).ToArray();
        var relink = layers.Select(_ => new Dictionary<EntryKey, string>()).ToArray();
        var location = new Dictionary<FileEntry, (int Layer, int Index)>(ReferenceEqualityComparer.Instance);
        for (var layer = 0; layer < layers.Count; layer++)
        {
            for (var i = 0; i < layers[layer].Entries.Count; i++)
            {
                location[layers[layer].Entries[i]] = (layer, i);
            }
        }
        var replacement = new Dictionary<FileEntry, string>(ReferenceEqualityComparer.Instance);
        for (var layer = 0; layer < layers.Count; layer++)
        {
            foreach (var i in kept[layer].Order().ToList())
            {
                var link = layers[layer].Entries[i];
                if (link.Kind != EntryKind.Hardlink
                    || !merge.LinkedTo.TryGetValue(link, out var direct) || kept[direct.Layer].Contains(direct.Index))
                {
                    continue;
                }
                var content = link.HardlinkTarget ?? Resolve(layers, merge, direct);
                if (content is null || content.Kind is EntryKind.Directory or EntryKind.Hardlink)
                {
                    kept[layer].Remove(i);
                    warnings.Add($"layer {layer}: hard link '/{link.Path}' is dropped: its target '/{link.LinkTarget}' is a folder, which a hard link cannot name, and is not kept");
                    continue;
                }
                if (replacement.TryGetValue(content, out var path))
                {
                    relink[layer][keys[layer][i]] = path;
                    continue;
                }
                var (sourceLayer, sourceIndex) = location[content];
                materialize[layer][keys[layer][i]] = new HardlinkContent(sourceLayer, keys[sourceLayer][sourceIndex], content.Size);
                replacement[content] = link.Path;
            }
        }
        return (materialize, relink, new HashSet<FileEntry>(replacement.Keys.Where(c => c.Kind == EntryKind.File), ReferenceEqualityComparer.Instance));
    }

    /// <summary>The entry a link to a non-file names, through links to links.</summary>
    private static FileEntry? Resolve(IReadOnlyList<LayerAnalysis> layers, SlimMerge merge, (int Layer, int Index) direct)
    {
        var entry = layers[direct.Layer].Entries[direct.Index];
        for (var hops = 0; entry.Kind == EntryKind.Hardlink && hops < 64; hops++)
        {
            if (!merge.LinkedTo.TryGetValue(entry, out var next))
            {
                return null;
            }
            entry = layers[next.Layer].Entries[next.Index];
        }
        return entry;
    }
}
