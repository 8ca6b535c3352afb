namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// SemVer 2.0's precedence for dot-separated identifiers (pre-release labels, and Pub's build labels): numeric
/// identifiers compare by value and sort before alphanumeric ones, which compare as text; when one list is a prefix
/// of the other, the shorter sorts first.
/// </summary>
internal static class IdentifierList
{
    public static int Compare(IReadOnlyList<string> a, IReadOnlyList<string> b, StringComparison textComparison)
    {
        for (var i = 0; i < a.Count && i < b.Count; i++)
        {
            var order = CompareIdentifier(a[i], b[i], textComparison);
            if (order != 0)
            {
                return order;
            }
        }
        return a.Count.CompareTo(b.Count);
    }

    private static int CompareIdentifier(string a, string b, StringComparison textComparison)
    {
        var aNumeric = NumericText.IsDigits(a);
        var bNumeric = NumericText.IsDigits(b);
        if (aNumeric && bNumeric)
        {
            return NumericText.Compare(a, b);
        }
        if (aNumeric != bNumeric)
        {
            return aNumeric ? -1 : 1;
        }
        return Math.Sign(string.Compare(a, b, textComparison));
    }
}
