namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// Alpine's apk version ordering (apk-package(5), apk-tools' version.c), also used by the distributions built with
/// apk (Wolfi, Chainguard, MinimOS, Alpaquita). Parts compare in order: the dotted numbers; the letter (none sorts
/// first); the suffixes, where <c>_alpha</c>, <c>_beta</c>, <c>_pre</c>, <c>_rc</c> sort before the plain release
/// and <c>_cvs</c>, <c>_svn</c>, <c>_git</c>, <c>_hg</c>, <c>_p</c> after it; the commit hash; the <c>-rN</c>
/// revision (none is <c>-r0</c>). Text the grammar does not cover makes a version sort below the same version
/// without it.
/// </summary>
public sealed class ApkVersionComparer : IVersionComparer
{
    public IReadOnlyList<string> Ecosystems { get; } =
        ["Alpine", "Wolfi", "Chainguard", "MinimOS", "Alpaquita", "BellSoft Hardened Containers"];

    public bool IsValid(string version) => ApkVersion.Parse(version).IsWellFormed;

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }
        var a = ApkVersion.Parse(x);
        var b = ApkVersion.Parse(y);
        var order = CompareNumbers(a.Numbers, b.Numbers);
        if (order == 0)
        {
            order = Nullable.Compare(a.Letter, b.Letter);
        }
        if (order == 0)
        {
            order = CompareSuffixes(a.Suffixes, b.Suffixes);
        }
        if (order == 0)
        {
            // A version built from a named commit sorts after the same version without one.
            order = a.Hash is null || b.Hash is null ? (a.Hash is not null).CompareTo(b.Hash is not null) : string.CompareOrdinal(a.Hash, b.Hash);
        }
        if (order == 0)
        {
            order = NumericText.Compare(a.Revision ?? "", b.Revision ?? "");
        }
        if (order == 0)
        {
            order = CompareRemainders(a, b);
        }
        return Math.Sign(order);
    }

    private static int CompareNumbers(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < a.Count || i < b.Count; i++)
        {
            var left = i < a.Count ? a[i] : "0";
            var right = i < b.Count ? b[i] : "0";
            var order = i == 0 ? NumericText.Compare(left, right) : CompareLaterNumber(left, right);
            if (order != 0)
            {
                return order;
            }
        }
        return 0;
    }

    /// <summary>
    /// After the first number, one with a leading zero compares as text, the way Gentoo's rules (which apk follows)
    /// read <c>1.02</c> as a decimal fraction: so <c>1.02 &lt; 1.1</c>. An empty number (<c>1..2</c>) sorts first.
    /// </summary>
    private static int CompareLaterNumber(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0 || a[0] == '0' || b[0] == '0')
        {
            return Math.Sign(string.CompareOrdinal(a, b));
        }
        return NumericText.Compare(a, b);
    }

    private static int CompareSuffixes(IReadOnlyList<ApkSuffix> a, IReadOnlyList<ApkSuffix> b)
    {
        for (var i = 0; i < a.Count || i < b.Count; i++)
        {
            var left = i < a.Count ? a[i] : new ApkSuffix(ApkVersion.NoSuffixRank, "");
            var right = i < b.Count ? b[i] : new ApkSuffix(ApkVersion.NoSuffixRank, "");
            var order = left.Rank != right.Rank ? left.Rank.CompareTo(right.Rank) : NumericText.Compare(left.Number, right.Number);
            if (order != 0)
            {
                return order;
            }
        }
        return 0;
    }

    /// <summary>
    /// Leftover text sorts a version below the same version without it. Leftovers after a revision or starting with
    /// <c>-</c> are trailing noise and all equal; other leftovers (such as <c>.r1</c> or <c>_blah</c>) compare as text.
    /// </summary>
    private static int CompareRemainders(ApkVersion a, ApkVersion b)
    {
        var aRank = RemainderRank(a);
        var bRank = RemainderRank(b);
        if (aRank != bRank)
        {
            return aRank.CompareTo(bRank);
        }
        return aRank == 0 ? Math.Sign(string.CompareOrdinal(a.Remainder, b.Remainder)) : 0;
    }

    private static int RemainderRank(ApkVersion version)
    {
        if (version.Remainder.Length == 0)
        {
            return 2;
        }
        return version.Revision is not null || version.Remainder[0] == '-' ? 1 : 0;
    }
}
