using System.Text;

namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// PHP's <c>version_compare</c>, which Composer uses to order versions. The text is canonicalised ('-', '_', '+' and
/// other punctuation become '.', and a '.' goes between digits and non-digits), then cut at the dots. Parts compare
/// in turn: numbers by value; words by their special-form rank (prefixes dev &lt; alpha = a &lt; beta = b &lt;
/// RC = rc &lt; # &lt; pl = p, case-sensitive, any other word below dev); a number against a word ranks as '#'.
/// When one side has parts left over, the first leftover that is a number makes that side greater, and a leftover
/// word ranks against '#' (so 1.0 &lt; 1.0pl1 but 1.0rc1 &lt; 1.0).
/// </summary>
internal static class PhpVersionCompare
{
    private const int NumberRank = 4;

    private static readonly (string Prefix, int Rank)[] SpecialForms =
    [
        ("dev", 0), ("alpha", 1), ("a", 1), ("beta", 2), ("b", 2), ("RC", 3), ("rc", 3), ("#", NumberRank), ("pl", 5), ("p", 5),
    ];

    public static int Compare(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length.CompareTo(b.Length) switch { < 0 => -1, 0 => 0, _ => 1 };
        }
        var left = Canonicalize(a).Split('.');
        var right = Canonicalize(b).Split('.');
        var shared = Math.Min(left.Length, right.Length);
        for (var i = 0; i < shared; i++)
        {
            var result = ComparePart(left[i], right[i]);
            if (result != 0)
            {
                return result;
            }
        }
        return left.Length > shared ? Leftover(left, shared) : right.Length > shared ? -Leftover(right, shared) : 0;
    }

    /// <summary>
    /// PHP's canonical form, but a '#' is kept wherever it stands (PHP keeps it only right after a digit), so that a
    /// literal '#' part has the rank PHP's own table gives '#': that of a number.
    /// </summary>
    internal static string Canonicalize(string version)
    {
        var canonical = new StringBuilder(version.Length * 2);
        var previous = version[0];
        canonical.Append(previous);
        foreach (var c in version.AsSpan(1))
        {
            var last = canonical[^1];
            if (c is '-' or '_' or '+')
            {
                AppendDot(canonical, last);
            }
            else if ((IsNonDigit(previous) && IsDigit(c)) || (IsDigit(previous) && IsNonDigit(c)))
            {
                AppendDot(canonical, last);
                canonical.Append(c);
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c != '#')
            {
                AppendDot(canonical, last);
            }
            else
            {
                canonical.Append(c);
            }
            previous = c;
        }
        return canonical.ToString();
    }

    private static bool IsDigit(char c) => char.IsAsciiDigit(c);

    private static bool IsNonDigit(char c) => !char.IsAsciiDigit(c) && c != '.';

    private static void AppendDot(StringBuilder canonical, char last)
    {
        if (last != '.')
        {
            canonical.Append('.');
        }
    }

    private static int ComparePart(string a, string b)
    {
        var aNumber = a.Length > 0 && IsDigit(a[0]);
        var bNumber = b.Length > 0 && IsDigit(b[0]);
        if (aNumber && bNumber)
        {
            return NumericText.Compare(LeadingDigits(a), LeadingDigits(b));
        }
        var aRank = aNumber ? NumberRank : Rank(a);
        var bRank = bNumber ? NumberRank : Rank(b);
        return aRank.CompareTo(bRank) switch { < 0 => -1, 0 => 0, _ => 1 };
    }

    private static int Leftover(string[] parts, int from)
    {
        for (var i = from; i < parts.Length; i++)
        {
            if (parts[i].Length > 0 && IsDigit(parts[i][0]))
            {
                return 1;
            }
            var result = Rank(parts[i]).CompareTo(NumberRank);
            if (result != 0)
            {
                return result < 0 ? -1 : 1;
            }
        }
        return 0;
    }

    private static int Rank(string word)
    {
        foreach (var (prefix, rank) in SpecialForms)
        {
            if (word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return rank;
            }
        }
        return -1;
    }

    private static ReadOnlySpan<char> LeadingDigits(string part)
    {
        var end = 0;
        while (end < part.Length && IsDigit(part[end]))
        {
            end++;
        }
        return part.AsSpan(0, end);
    }
}
