namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// Compares runs of ASCII digits by their value, however long: version numbers in advisories overflow 64 bits
/// (date stamps, build numbers), and the ecosystems compare them exactly.
/// </summary>
internal static class DecimalDigits
{
    /// <summary>Orders two strings of ASCII digits by numeric value; leading zeros do not count.</summary>
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

    /// <summary>True when the text is one or more ASCII digits.</summary>
    public static bool IsAll(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>The digits without leading zeros ("0" for zero), so equal numbers have equal text.</summary>
    public static string Canonical(string digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }
}
