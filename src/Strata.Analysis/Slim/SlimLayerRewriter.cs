using Strata.Analysis.Model;

namespace Strata.Analysis.Slim;

/// <summary>
/// Writes one output layer's tar: the kept entries of its source layers, in their order, each header and its data
/// copied as stored; hard links whose target was dropped carry the content, read from a file spooled beforehand.
/// </summary>
internal sealed class SlimLayerRewriter(Func<int, Stream> openTar, string spoolDirectory)
{
    private readonly byte[] _buffer = new byte[1 << 16];

    public void Write(OutputLayerPlan layer, Stream output)
    {
        var spooled = Spool(layer);
        try
        {
            foreach (var selection in layer.Sources)
            {
                Copy(selection, output, spooled);
            }
            // The end-of-archive marker: two zero blocks.
            output.Write(new byte[2 * TarFields.Block]);
        }
        finally
        {
            DeleteSpooled(spooled);
        }
    }

    private void Copy(LayerSelection selection, Stream output, Dictionary<(int, EntryKey), (RawTarEntry Entry, string File)> spooled)
    {
        foreach (var path in selection.Whiteouts)
        {
            WriteBlocks(output, WhiteoutEntry.For(path));
        }
        var layerName = $"layer {selection.SourceLayer}";
        using var tar = openTar(selection.SourceLayer);
        var reader = new RawTarReader(tar, layerName);
        var keys = new RawEntryKeys(layerName);
        while (reader.Next() is { } entry)
        {
            var key = keys.Of(entry, out var isRoot);
            if (key is { } l && selection.Materialize.TryGetValue(l, out var linked) && linked.Target.Kind != EntryKind.File)
            {
                WriteBlocks(output, HeaderRewrite.AsEntryOf(entry, spooled[(linked.SourceLayer, linked.Target)].Entry));
                reader.Data(null, _buffer);
            }
            else if (key is { } k && selection.Materialize.TryGetValue(k, out var content))
            {
                var (target, file) = spooled[(content.SourceLayer, content.Target)];
                WriteBlocks(output, HeaderRewrite.AsRegularFile(entry, target, content.Size));
                reader.Data(null, _buffer);
                WriteSpooled(output, file, content.Size);
            }
            else if (key is { } r && selection.Relink.TryGetValue(r, out var target))
            {
                WriteBlocks(output, HeaderRewrite.Relinked(entry, target));
                reader.Data(output, _buffer);
            }
            else if (isRoot || (key is { } kept && selection.Keep.Contains(kept)))
            {
                WriteBlocks(output, entry.Extensions);
                output.Write(entry.Header);
                reader.Data(output, _buffer);
            }
            else
            {
                // Global PAX headers set defaults for the entries after them, so they stay even when their entry goes.
                WriteBlocks(output, entry.Extensions.Where(b => b.TypeFlag == (byte)'g'));
                reader.Data(null, _buffer);
            }
        }
        reader.Drain(_buffer);
    }

    private static void DeleteSpooled(Dictionary<(int, EntryKey), (RawTarEntry Entry, string File)> spooled)
    {
        foreach (var (_, path) in spooled.Values.Where(s => s.File.Length > 0))
        {
            File.Delete(path);
        }
    }

    private static void WriteBlocks(Stream output, IEnumerable<RawTarBlock> blocks)
    {
        foreach (var block in blocks)
        {
            output.Write(block.Header);
            output.Write(block.Data);
        }
    }

    private void WriteSpooled(Stream output, string path, long size)
    {
        using (var file = File.OpenRead(path))
        {
            file.CopyTo(output, _buffer.Length);
        }
        var padding = (int)((TarFields.Block - size % TarFields.Block) % TarFields.Block);
        output.Write(new byte[padding]);
    }

    /// <summary>
    /// Copies the content of every dropped hard link target this layer needs into its own temp file, with one streamed
    /// pass over each source layer that holds one.
    /// </summary>
    private Dictionary<(int, EntryKey), (RawTarEntry Entry, string File)> Spool(OutputLayerPlan layer)
    {
        var spooled = new Dictionary<(int, EntryKey), (RawTarEntry Entry, string File)>();
        var wanted = layer.Sources.SelectMany(s => s.Materialize.Values).DistinctBy(c => (c.SourceLayer, c.Target)).ToList();
        try
        {
            foreach (var group in wanted.GroupBy(c => c.SourceLayer))
            {
                var targets = group.Select(c => c.Target).ToHashSet();
                var layerName = $"layer {group.Key}";
                using var tar = openTar(group.Key);
                var reader = new RawTarReader(tar, layerName);
                var keys = new RawEntryKeys(layerName);
                while (reader.Next() is { } entry)
                {
                    var found = keys.Of(entry, out _);
                    if (found is { } other && other.Kind != EntryKind.File && targets.Contains(other))
                    {
                        // A symlink, device or FIFO: its header is all a link needs.
                        spooled[(group.Key, other)] = (entry, "");
                        reader.Data(null, _buffer);
                    }
                    else if (found is { Kind: EntryKind.File } key && targets.Contains(key))
                    {
                        var path = Path.Combine(spoolDirectory, $"link-{Guid.NewGuid():N}");
                        spooled[(group.Key, key)] = (entry, path);
                        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                        reader.Data(file, _buffer, entry.Size);
                    }
                    else
                    {
                        reader.Data(null, _buffer);
                    }
                }
                reader.Drain(_buffer);
                foreach (var missing in targets.Where(t => !spooled.ContainsKey((group.Key, t))))
                {
                    throw new Images.StrataException($"{layerName}: entry '{missing.Path}' that a hard link needs was not found when read again");
                }
            }
        }
        catch
        {
            DeleteSpooled(spooled);
            throw;
        }
        return spooled;
    }
}
