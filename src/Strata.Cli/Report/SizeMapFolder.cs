namespace Strata.Cli.Report;

/// <summary>A visible regular file of the final file system: its name, size and the layer whose entry it shows.</summary>
internal readonly record struct SizeMapFile(string Name, long Size, int Layer);

/// <summary>Dead bytes in one folder killed by one layer: how many files, and the largest of them.</summary>
internal sealed class SizeMapDeadBytes
{
    public long Size { get; set; }

    public int Files { get; set; }

    public string LargestPath { get; set; } = "";

    public long LargestSize { get; set; } = -1;
}

/// <summary>
/// One folder of the size map before the node budget is applied: its subfolders, its visible files and its dead bytes
/// by killing layer, with totals over the whole subtree.
/// </summary>
internal sealed class SizeMapFolder(string name)
{
    public string Name { get; } = name;

    public Dictionary<string, SizeMapFolder> Folders { get; } = new(StringComparer.Ordinal);

    public List<SizeMapFile> Files { get; } = [];

    public SortedDictionary<int, SizeMapDeadBytes> Dead { get; } = [];

    /// <summary>Visible and dead bytes of the whole subtree (set by <see cref="ComputeTotals"/>).</summary>
    public long Total { get; private set; }

    public long DeadTotal { get; private set; }

    public int FileCount { get; private set; }

    /// <summary>The lowest and highest layer of the subtree's visible files, or −1 when it has none.</summary>
    public int MinLayer { get; private set; } = -1;

    public int MaxLayer { get; private set; } = -1;

    public SizeMapFolder Folder(string name)
    {
        if (!Folders.TryGetValue(name, out var folder))
        {
            folder = new SizeMapFolder(name);
            Folders.Add(name, folder);
        }
        return folder;
    }

    /// <summary>Fills in the totals bottom-up, without recursion (a hostile image may nest folders thousands deep).</summary>
    public void ComputeTotals()
    {
        var order = new List<SizeMapFolder>();
        var stack = new Stack<SizeMapFolder>();
        stack.Push(this);
        while (stack.TryPop(out var folder))
        {
            order.Add(folder);
            foreach (var child in folder.Folders.Values)
            {
                stack.Push(child);
            }
        }
        for (var i = order.Count - 1; i >= 0; i--)
        {
            order[i].ComputeOwnTotals();
        }
    }

    private void ComputeOwnTotals()
    {
        foreach (var file in Files)
        {
            Total += file.Size;
            FileCount++;
            Widen(file.Layer, file.Layer);
        }
        foreach (var dead in Dead.Values)
        {
            Total += dead.Size;
            DeadTotal += dead.Size;
        }
        foreach (var child in Folders.Values)
        {
            Total += child.Total;
            DeadTotal += child.DeadTotal;
            FileCount += child.FileCount;
            if (child.MinLayer >= 0)
            {
                Widen(child.MinLayer, child.MaxLayer);
            }
        }
    }

    private void Widen(int min, int max)
    {
        MinLayer = MinLayer < 0 ? min : Math.Min(MinLayer, min);
        MaxLayer = Math.Max(MaxLayer, max);
    }
}
