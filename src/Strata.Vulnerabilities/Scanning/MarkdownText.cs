using System.Globalization;
using System.Text;

namespace Strata.Vulnerabilities.Scanning;

/// <summary>
/// Text from an image or an advisory made inert in GitHub-flavoured Markdown: the punctuation that could start a
/// link, an HTML tag, emphasis or a new table cell is backslash-escaped, and line breaks and control characters are
/// shown escaped, so a package name can neither break the table nor inject markup into a PR comment.
/// </summary>
public static class MarkdownText
{
    private const string Punctuation = "\\`*_{}[]()<>#+-!|~&.:@=\"'$%^";

    public static string Escape(string? text, int maxChars = 200)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var cut = text.Length > maxChars;
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in cut ? text[..maxChars] : text)
        {
            if (Punctuation.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\').Append(c);
            }
            else if (char.IsControl(c) || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\\\x{(int)c:x2}");
            }
            else
            {
                builder.Append(c);
            }
        }
        return cut ? builder.Append('…').ToString() : builder.ToString();
    }
}
