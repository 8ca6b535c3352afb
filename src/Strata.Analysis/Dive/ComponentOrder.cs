namespace Strata.Analysis.Dive;

/// <summary>
/// Orders paths as a walk of their tree with siblings sorted by name would meet them: '/' sorts before every
/// other character, so a folder's descendants follow it directly ("a", "a/b", "a-c").
/// </summary>
internal sealed class ComponentOrder : IComparer<string>
{
    public static ComponentOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var a = x.AsSpan();
        var b = y.AsSpan();
        var common = a.CommonPrefixLength(b);
        if (common == a.Length || common == b.Length)
        {
            return a.Length.CompareTo(b.Length);
        }
        var ca = a[common];
        var cb = b[common];
        if (ca == '/')
        {
            return -1;
        }
        if (cb == '/')
        {
            return 1;
        }
        return ca.CompareTo(cb);
    }

    /// <summary>Whether <paramref name="candidate"/> lies under <paramref name="folder"/>.</summary>
    public static bool IsUnder(string candidate, string folder) =>
        candidate.Length > folder.Length && candidate[folder.Length] == '/' && candidate.StartsWith(folder, StringComparison.Ordinal);
}
