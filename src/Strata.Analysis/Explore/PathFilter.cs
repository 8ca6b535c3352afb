using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Strata.Analysis.Explore;

/// <summary>
/// The user's regular expression on paths. It runs without backtracking (time linear in the path) and with a
/// timeout per path as a second guard; a path it cannot decide in time counts as not matching.
/// </summary>
internal sealed class PathFilter
{
    private static readonly TimeSpan PerPath = TimeSpan.FromMilliseconds(100);

    private readonly Regex _regex;

    /// <summary>The pattern when it has no special characters: a plain substring search is several times faster.</summary>
    private readonly string? _literal;

    // Weak: a tree the model lets go of (an aggregated one evicted) takes its matches with it.
    private readonly ConditionalWeakTable<ExplorerTree, bool[]> _matches = new();

    private PathFilter(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
        _literal = Regex.Escape(pattern) == pattern ? pattern : null;
    }

    public string Pattern { get; }

    public static PathFilter? TryCreate(string pattern, out string? error)
    {
        try
        {
            error = null;
            return new PathFilter(pattern, new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, PerPath));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            error = $"filter '{pattern}' is not a usable regular expression: {e.Message}";
            return null;
        }
    }

    public bool IsMatch(string path)
    {
        if (_literal is not null)
        {
            return path.Contains(_literal, StringComparison.Ordinal);
        }
        try
        {
            return _regex.IsMatch(path);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Which nodes of a tree have a matching path (node 0, the root, never does); kept per tree for this filter.</summary>
    public bool[] Matches(ExplorerTree tree)
    {
        return _matches.GetValue(tree, Match);
    }

    private bool[] Match(ExplorerTree tree)
    {
        var matches = new bool[tree.Count];
        // Regex instances are safe to share across threads; chunks keep the per-path work from being swamped by scheduling.
        const int Chunk = 16_384;
        Parallel.For(0, (tree.Count + Chunk - 1) / Chunk, chunk =>
        {
            var end = Math.Min(tree.Count, (chunk + 1) * Chunk);
            for (var n = Math.Max(chunk * Chunk, 1); n < end; n++)
            {
                matches[n] = IsMatch(tree.Entry[n].Path);
            }
        });
        return matches;
    }
}
