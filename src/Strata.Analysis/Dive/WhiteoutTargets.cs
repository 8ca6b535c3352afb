using Strata.Analysis.Model;

namespace Strata.Analysis.Dive;

/// <summary>The paths whiteouts remove, and the question dive's stacked tree asks of a path: could a whiteout need it?</summary>
internal sealed class WhiteoutTargets
{
    private readonly HashSet<string> _targets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _onTheWay = new(StringComparer.Ordinal);

    public WhiteoutTargets(IReadOnlyList<LayerAnalysis> layers)
    {
        foreach (var entry in layers.SelectMany(l => l.Entries).Where(e => e.Kind == EntryKind.Whiteout))
        {
            _targets.Add(entry.Path);
            for (var end = entry.Path.Length; end > 0; end = entry.Path.LastIndexOf('/', end - 1))
            {
                if (!_onTheWay.Add(entry.Path[..end]))
                {
                    break;
                }
            }
        }
    }

    /// <summary>Whether <paramref name="name"/> is a whiteout's path, one of its ancestors, or lies under one.</summary>
    public bool Concerns(string name)
    {
        if (_onTheWay.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
        {
            return true;
        }
        var targets = _targets.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var end = name.LastIndexOf('/'); end > 0; end = name.LastIndexOf('/', end - 1))
        {
            if (targets.Contains(name.AsSpan(0, end)))
            {
                return true;
            }
        }
        return false;
    }
}
