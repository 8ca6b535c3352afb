namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// The ordering key setuptools and older <c>packaging</c> releases gave a string that is not a PEP 440 version
/// (<c>LegacyVersion</c>): the lower-cased text cut into runs of digits, runs of letters, dots and hyphens; numbers
/// zero-padded to eight places, words marked with <c>*</c>, <c>pre</c>/<c>preview</c>/<c>rc</c> read as <c>c</c>,
/// <c>dev</c> as <c>@</c> (before every letter) and a hyphen as <c>final-</c>; then trailing zeros and hyphens before
/// a pre-release word dropped. Such versions all sort before every PEP 440 version (they had epoch -1).
/// </summary>
internal static class LegacyPythonVersion
{
    private const string Final = "*final";
    private const string Hyphen = "*final-";
    private const string PaddedZero = "00000000";

    /// <summary>The key's parts; two keys compare part by part, ordinally, a shorter prefix first.</summary>
    public static IReadOnlyList<string> Key(string version)
    {
        var parts = new List<string>();
        foreach (var piece in Pieces(version.ToLowerInvariant()))
        {
            if (piece.Length == 0 || piece == ".")
            {
                continue;
            }
            var part = piece switch
            {
                "pre" or "preview" or "rc" => "*c",
                "dev" => "*@",
                "-" => Hyphen,
                _ when char.IsAsciiDigit(piece[0]) => piece.PadLeft(8, '0'),
                _ => "*" + piece,
            };
            Append(parts, part);
        }
        Append(parts, Final);
        return parts;
    }

    public static int Compare(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var result = string.CompareOrdinal(a[i], b[i]);
            if (result != 0)
            {
                return Math.Sign(result);
            }
        }
        return a.Count.CompareTo(b.Count);
    }

    private static void Append(List<string> parts, string part)
    {
        if (part[0] == '*')
        {
            if (string.CompareOrdinal(part, Final) < 0)
            {
                while (parts.Count > 0 && parts[^1] == Hyphen)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            while (parts.Count > 0 && parts[^1] == PaddedZero)
            {
                parts.RemoveAt(parts.Count - 1);
            }
        }
        parts.Add(part);
    }

    /// <summary>
    /// The text cut as Python's <c>re.split</c> cuts it with the pattern <c>(\d+|[a-z]+|\.|-)</c>: every match, and
    /// between matches the text no match covers (possibly empty).
    /// </summary>
    private static IEnumerable<string> Pieces(string text)
    {
        var between = 0;
        var i = 0;
        while (i < text.Length)
        {
            var length = MatchLength(text, i);
            if (length == 0)
            {
                i++;
                continue;
            }
            yield return text[between..i];
            yield return text.Substring(i, length);
            i += length;
            between = i;
        }
        yield return text[between..];
    }

    private static int MatchLength(string text, int start)
    {
        var c = text[start];
        if (c is '.' or '-')
        {
            return 1;
        }
        Func<char, bool>? run = char.IsDigit(c) ? char.IsDigit : char.IsAsciiLetterLower(c) ? char.IsAsciiLetterLower : null;
        if (run is null)
        {
            return 0;
        }
        var end = start;
        while (end < text.Length && run(text[end]))
        {
            end++;
        }
        return end - start;
    }
}
