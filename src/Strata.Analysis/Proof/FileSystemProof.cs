using Strata.Analysis.Model;

namespace Strata.Analysis.Proof;

/// <summary>One path whose final state differs between the source and the slimmed image.</summary>
public sealed record PathDifference(string Path, string What);

/// <summary>
/// The check behind <c>strata slim</c>'s promise: the output's final file system equals the source's entry by entry
/// (type, mode, owner, size, content, link target), except under the paths an opted-in removal took out.
/// </summary>
public static class FileSystemProof
{
    public static IReadOnlyList<PathDifference> Compare(
        IEnumerable<LayerAnalysis> source, IEnumerable<LayerAnalysis> output, IEnumerable<string> removedPaths)
    {
        var removed = removedPaths.Select(p => p.Trim('/')).ToHashSet(StringComparer.Ordinal);
        var before = FinalFileSystem.Of(source).Entries();
        var after = FinalFileSystem.Of(output).Entries();
        var differences = new List<PathDifference>();
        foreach (var (path, entry) in before)
        {
            if (IsRemoved(path, removed))
            {
                continue;
            }
            if (!after.TryGetValue(path, out var slimmed))
            {
                differences.Add(new PathDifference(path, "missing from the output"));
            }
            else if (entry != slimmed)
            {
                differences.Add(new PathDifference(path, entry.Difference(slimmed)));
            }
        }
        differences.AddRange(after.Keys.Where(p => !before.ContainsKey(p)).Select(p => new PathDifference(p, "not in the source")));
        return differences.OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the path, or a folder above it, was taken out by an opted-in removal.</summary>
    private static bool IsRemoved(string path, HashSet<string> removed)
    {
        for (var cut = path.Length; cut > 0; cut = path.LastIndexOf('/', cut - 1))
        {
            if (removed.Contains(path[..cut]))
            {
                return true;
            }
        }
        return false;
    }
}
