namespace Strata.Analysis.Slim;

/// <summary>What a slim may change: the layers below <see cref="BaseLayers"/> stay byte-identical unless <see cref="RewriteBase"/>.</summary>
public sealed record SlimOptions
{
    /// <summary>How many bottom layers belong to the base image (BaseImageDetector finds it).</summary>
    public int BaseLayers { get; init; }

    public bool RewriteBase { get; init; }

    /// <summary>All rewritable layers become one.</summary>
    public bool Squash { get; init; }

    /// <summary>
    /// A layer whose blob is at least this big, and that would lose only entries without file bytes (folders, links,
    /// whiteouts re-stated or hiding nothing), is copied whole: rewriting it would recompress it all to save a few
    /// headers, and give it a new digest that no registry or node shares. Smaller layers are tidied.
    /// </summary>
    public long KeepWholeFrom { get; init; } = 1 << 20;

    /// <summary>Opt-in removals: the only way the final file system may change.</summary>
    public IReadOnlyList<PathRemoval> Removals { get; init; } = [];
}
