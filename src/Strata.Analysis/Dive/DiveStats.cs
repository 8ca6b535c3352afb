namespace Strata.Analysis.Dive;

/// <summary>
/// dive's per-path tally over the layers: how often a path was seen, its bytes in all and its smallest size. Most paths
/// are seen once, so they keep one size in a table of their own; only repeated paths carry the full tally (on a
/// million-entry image that is 16 MB less at the phase's peak).
/// </summary>
internal sealed class DiveStats(int capacity)
{
    public readonly record struct Tally(long Cumulative, long Minimum, int Count);

    // Keyed by path without dive's leading slash, so that entries' own path strings serve as keys. A size of -1 is
    // dive's entry for a path it met but could not size (see Touch): seen no times, smallest size -1.
    private readonly Dictionary<string, long> _once = new(capacity, StringComparer.Ordinal);
    private readonly Dictionary<string, Tally> _repeated = new(StringComparer.Ordinal);

    /// <summary>Paths in the order they were first seen a second time.</summary>
    public List<string> RepeatedInOrder { get; } = [];

    public void Add(string path, long size)
    {
        if (_repeated.TryGetValue(path, out var tally))
        {
            _repeated[path] = new Tally(tally.Cumulative + size, Math.Min(tally.Minimum, size), tally.Count + 1);
        }
        else if (_once.TryGetValue(path, out var first) && first >= 0)
        {
            _once.Remove(path);
            _repeated.Add(path, new Tally(first + size, Math.Min(first, size), 2));
            RepeatedInOrder.Add(path);
        }
        else
        {
            _once[path] = size;
        }
    }

    /// <summary>
    /// dive creates a path's entry before sizing a whiteout; when the sizing fails the entry stays, counted in the
    /// efficiency with a smallest size of −1 until the path is seen again.
    /// </summary>
    public void Touch(string path)
    {
        if (!_repeated.ContainsKey(path))
        {
            _once.TryAdd(path, -1);
        }
    }

    public Tally Of(string path) => _repeated[path];

    /// <summary>The sum of every path's smallest size and of every path's bytes in all.</summary>
    public (long Minimum, long Cumulative) Sums()
    {
        long minimum = 0, cumulative = 0;
        foreach (var size in _once.Values)
        {
            minimum += size;
            cumulative += Math.Max(0, size);
        }
        foreach (var tally in _repeated.Values)
        {
            minimum += tally.Minimum;
            cumulative += tally.Cumulative;
        }
        return (minimum, cumulative);
    }
}
