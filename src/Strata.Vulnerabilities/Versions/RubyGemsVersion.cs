namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// A RubyGems version as Gem::Version orders it: the text stripped (blank means 0), each '-' read as ".pre.", then cut
/// into runs of digits (numbers) and runs of ASCII letters (words, which make a pre-release); everything else only
/// separates. The canonical segments drop trailing zeros from the numbers before the first word and from the segments
/// after it.
/// </summary>
internal static class RubyGemsVersion
{
    /// <summary>One segment: canonical digits when <see cref="IsNumber"/>, otherwise a word.</summary>
    public readonly record struct Segment(bool IsNumber, string Text)
    {
        public static readonly Segment Zero = new(true, "0");
    }

    // What Ruby's String#strip removes.
    private static readonly char[] RubyWhiteSpace = [' ', '\t', '\n', '\v', '\f', '\r', '\0'];

    public static IReadOnlyList<Segment> CanonicalSegments(string version)
    {
        var text = version.Trim(RubyWhiteSpace);
        if (text.Length == 0)
        {
            text = "0";
        }
        text = text.Replace("-", ".pre.", StringComparison.Ordinal);
        var segments = Scan(text);
        var firstWord = segments.FindIndex(s => !s.IsNumber);
        if (firstWord < 0)
        {
            firstWord = segments.Count;
        }
        var release = WithoutTrailingZeros(segments.Take(firstWord));
        var prerelease = WithoutTrailingZeros(segments.Skip(firstWord));
        return [.. release, .. prerelease];
    }

    /// <summary>
    /// Segment by segment, the shorter padded with zeros: numbers by value, words by their bytes, and a word (a
    /// pre-release) below a number.
    /// </summary>
    public static int Compare(IReadOnlyList<Segment> a, IReadOnlyList<Segment> b)
    {
        for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
        {
            var left = i < a.Count ? a[i] : Segment.Zero;
            var right = i < b.Count ? b[i] : Segment.Zero;
            if (left.IsNumber != right.IsNumber)
            {
                return left.IsNumber ? 1 : -1;
            }
            var result = left.IsNumber
                ? NumericText.Compare(left.Text, right.Text)
                : Math.Sign(string.CompareOrdinal(left.Text, right.Text));
            if (result != 0)
            {
                return result;
            }
        }
        return 0;
    }

    private static List<Segment> Scan(string text)
    {
        var segments = new List<Segment>();
        var i = 0;
        while (i < text.Length)
        {
            var isNumber = char.IsAsciiDigit(text[i]);
            if (!isNumber && !char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (isNumber ? char.IsAsciiDigit(text[i]) : char.IsAsciiLetter(text[i])))
            {
                i++;
            }
            var run = text[start..i];
            segments.Add(new Segment(isNumber, isNumber ? NumericText.Canonical(run) : run));
        }
        return segments;
    }

    private static List<Segment> WithoutTrailingZeros(IEnumerable<Segment> segments)
    {
        var list = segments.ToList();
        while (list.Count > 0 && list[^1] == Segment.Zero)
        {
            list.RemoveAt(list.Count - 1);
        }
        return list;
    }
}
