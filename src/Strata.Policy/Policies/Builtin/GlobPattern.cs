namespace Strata.Policy.Policies.Builtin;

/// <summary>
/// Shell-style patterns for names, paths and package URLs: <c>*</c> is any run of characters (slashes too, so
/// <c>docker.io/library/*</c> matches every official image), <c>?</c> one character; everything else is literal.
/// </summary>
public static class GlobPattern
{
    public static bool Matches(string pattern, string text) => Match(pattern.AsSpan(), text.AsSpan());

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        // The classic two-pointer walk, remembering the last '*' to backtrack to: linear in practice, no recursion.
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }
}
