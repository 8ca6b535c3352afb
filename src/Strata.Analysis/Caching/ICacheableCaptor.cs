namespace Strata.Analysis.Caching;

/// <summary>
/// A captor whose findings from one layer can be kept and handed back later, so that a cached layer feeds it without
/// being read. Each part is versioned on its own: a part whose version changed is a miss, and the layer is read again.
/// </summary>
public interface ICacheableCaptor
{
    /// <summary>The parts this captor keeps per layer (one per cataloger, say), each with the version of the code that makes it.</summary>
    IReadOnlyList<CaptorPart> Parts { get; }

    /// <summary>Every part's findings from layer <paramref name="layer"/>, keyed by part name; null when this layer must not be kept.</summary>
    IReadOnlyDictionary<string, byte[]>? Save(int layer);

    /// <summary>Takes back the findings <see cref="Save"/> gave, as if layer <paramref name="layer"/> had been read now.</summary>
    void Restore(int layer, IReadOnlyDictionary<string, byte[]> parts);
}

/// <summary>One kind of finding a captor keeps per layer, and the version of the code that finds it.</summary>
public sealed record CaptorPart(string Name, string Version);
