namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// Compares runs of ASCII digits by value without parsing them into a fixed-size integer, so a 30-digit component
/// in an advisory orders correctly instead of overflowing.
/// </summary>
internal static class NumericText
{
    public static bool IsDigits(ReadOnlySpan<char> text) => text.Length > 0 && !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>Orders two digit runs by value; leading zeros do not count. An empty run is zero.</summary>
    public static int Compare(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        a = a.TrimStart('0');
        b = b.TrimStart('0');
        if (a.Length != b.Length)
        {
            return a.Length < b.Length ? -1 : 1;
        }
        return Math.Sign(a.SequenceCompareTo(b));
    }

    /// <summary>The digits without leading zeros ("0" for zero), so equal numbers have equal text.</summary>
    public static string Canonical(string digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    /// <summary>Orders lists of digit runs part by part; when one list is a prefix of the other, the shorter sorts first.</summary>
    public static int CompareLists(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < a.Count && i < b.Count; i++)
        {
            var order = Compare(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }
        return a.Count.CompareTo(b.Count);
    }
}
