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

    private PathFilter(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
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
        try
        {
            return _regex.IsMatch(path);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Which nodes of a tree have a matching path (node 0, the root, never does).</summary>
    public bool[] Matches(ExplorerTree tree)
    {
        var matches = new bool[tree.Count];
        for (var n = 1; n < tree.Count; n++)
        {
            matches[n] = IsMatch(tree.Entry[n].Path);
        }
        return matches;
    }
}
