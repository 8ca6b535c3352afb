using System.Globalization;

namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// Parses a Maven version into items the way Maven's ComparableVersion does: lower-cased; '.' ends an item; '-' ends
/// one and opens a sub-list; a change between digits and non-digits inside an item opens a sub-list too; an empty
/// item before a separator is 0; finally every list drops its trailing padding-equal items, innermost first.
/// </summary>
internal static class MavenVersion
{
    public static MavenList Parse(string version)
    {
        var text = version.ToLowerInvariant();
        var root = new MavenList();
        var list = root;
        var opened = new List<MavenList> { root };
        var isDigit = false;
        var start = 0;

        void Open()
        {
            var child = new MavenList();
            list.Items.Add(child);
            list = child;
            opened.Add(child);
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '.' or '-')
            {
                list.Items.Add(i == start ? new MavenNumber("0") : Item(isDigit, text[start..i], followedByDigit: false));
                start = i + 1;
                if (c == '-')
                {
                    Open();
                }
            }
            else if (char.IsDigit(c))
            {
                if (!isDigit && i > start)
                {
                    list.Items.Add(new MavenWord(text[start..i], followedByDigit: true));
                    start = i;
                    Open();
                }
                isDigit = true;
            }
            else
            {
                if (isDigit && i > start)
                {
                    list.Items.Add(Item(isDigit: true, text[start..i], followedByDigit: false));
                    start = i;
                    Open();
                }
                isDigit = false;
            }
        }
        if (text.Length > start)
        {
            list.Items.Add(Item(isDigit, text[start..], followedByDigit: false));
        }
        for (var i = opened.Count - 1; i >= 0; i--)
        {
            opened[i].Normalize();
            if (i > 0 && opened[i].Items is [MavenList only])
            {
                // A hyphen group left with no items of its own gives way to the group after it, so 1-ga-1 and
                // 1-0-1 are 1-1 as the version order specification trims them. ComparableVersion keeps the empty
                // level and puts them below 1-1; the shared vectors follow the specification.
                opened[i].Items.Clear();
                opened[i].Items.AddRange(only.Items);
            }
        }
        return root;
    }

    private static MavenItem Item(bool isDigit, string text, bool followedByDigit) =>
        isDigit ? new MavenNumber(Digits(text)) : new MavenWord(text, followedByDigit);

    /// <summary>The digits as ASCII (Maven reads any Unicode decimal digit), without the leading zeros Maven strips.</summary>
    private static string Digits(string text)
    {
        var ascii = string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(source[i]));
            }
        });
        var trimmed = ascii.TrimStart('0');
        return trimmed.Length == 0 ? ascii : trimmed;
    }
}
