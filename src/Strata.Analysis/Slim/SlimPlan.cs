namespace Strata.Analysis.Slim;

/// <summary>What a slim writes: the output layers in order, what became of each source layer, and every path removed.</summary>
public sealed record SlimPlan(
    IReadOnlyList<OutputLayerPlan> Layers,
    IReadOnlyList<SourceLayerFate> SourceLayers,
    IReadOnlyList<RemovedPath> Removed)
{
    public long RemovedBytes => Removed.Sum(r => r.Bytes);

    /// <summary>Dead bytes left in the base layers because they are copied unchanged (0 with rewrite-base).</summary>
    public long DeadBytesKeptInBase { get; init; }

    /// <summary>Removals the plan could not make, each a sentence naming the path and why.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// One output layer: either a source layer copied blob for blob (<see cref="CopiedFrom"/>), or a new tar made of the
/// kept entries of one or more source layers (more than one when squashing), in source order.
/// </summary>
public sealed record OutputLayerPlan(int Index, int? CopiedFrom, IReadOnlyList<LayerSelection> Sources);

/// <summary>The entries one source layer contributes to an output layer.</summary>
public sealed record LayerSelection(
    int SourceLayer,
    IReadOnlySet<EntryKey> Keep,
    IReadOnlyDictionary<EntryKey, HardlinkContent> Materialize,
    IReadOnlyDictionary<EntryKey, string> Relink)
{
    /// <summary>Whiteouts written first, for removed paths the untouched base layers also hold.</summary>
    public IReadOnlyList<string> Whiteouts { get; init; } = [];
}

/// <summary>
/// A hard link whose target entry was dropped: it becomes that entry, a regular file with the content stored there
/// (<see cref="Size"/> bytes) or, for a symlink, device or FIFO, an entry with the target's header under the link's name.
/// </summary>
public sealed record HardlinkContent(int SourceLayer, EntryKey Target, long Size);

/// <summary>
/// What became of one source layer: the output layer holding its entries, or null when nothing of it is left, in
/// which case its history entry stays with <c>empty_layer: true</c>.
/// </summary>
public sealed record SourceLayerFate(int SourceLayer, int? OutputLayer, bool Unchanged)
{
    public bool Emptied => OutputLayer is null;
}

/// <summary>A visible path an opted-in removal took out, with the regular-file bytes it frees.</summary>
public sealed record RemovedPath(string Path, string Reason, long Bytes, int SourceLayer)
{
    /// <summary>The entry that showed at the path.</summary>
    internal Model.FileEntry? Entry { get; init; }

    /// <summary>
    /// The untouched base layers hold the path too, so a whiteout removes it; the base's copy stays stored (it is
    /// counted in the dead bytes left in the base).
    /// </summary>
    public bool WhitedOut { get; init; }
}
