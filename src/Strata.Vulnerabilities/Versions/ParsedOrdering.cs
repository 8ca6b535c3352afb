namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// Orders two strings by their parsed forms. A string that does not parse still gets a stable place: before every
/// version that does, and in ordinal order among the others, so the order stays total and never throws.
/// </summary>
internal static class ParsedOrdering
{
    public static int Compare<TVersion>(string? x, string? y, Func<string, TVersion?> parse, Func<TVersion, TVersion, int> compare)
        where TVersion : class
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }
        var a = parse(x);
        var b = parse(y);
        if (a is null || b is null)
        {
            if (a is null && b is null)
            {
                return Math.Sign(string.CompareOrdinal(x, y));
            }
            return a is null ? -1 : 1;
        }
        return Math.Sign(compare(a, b));
    }
}
