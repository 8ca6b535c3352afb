namespace Strata.Analysis.Slim;

/// <summary>Range queries over ordinally sorted normalised paths.</summary>
internal static class PathRange
{
    /// <summary>The paths strictly below <paramref name="folder"/> ("" is the root, above everything).</summary>
    public static IEnumerable<string> Under(SortedSet<string> paths, string folder)
    {
        if (folder.Length == 0)
        {
            return paths;
        }
        // '0' follows '/' in ordinal order: the view starts at the folder's first child and ends before its next sibling
        // family; the bound itself is inclusive, so the filter drops a sibling named exactly folder + "0".
        var prefix = folder + "/";
        return paths.GetViewBetween(prefix, folder + "0").Where(p => p.StartsWith(prefix, StringComparison.Ordinal));
    }
}
