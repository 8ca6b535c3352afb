using System.Globalization;
using System.Text;

namespace Strata.Images.IO;

/// <summary>
/// Text from an image or a registry (a refused digest, an entry name, a registry's error) made fit for a one-line
/// message: control characters escaped, and cut short past <c>maxChars</c>.
/// </summary>
internal static class ShownText
{
    public static string Of(string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var shown = new StringBuilder();
        foreach (var c in text.Length > maxChars ? text[..maxChars] : text)
        {
            if (char.IsControl(c))
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                shown.Append(c);
            }
        }
        return text.Length > maxChars ? shown.Append('…').ToString() : shown.ToString();
    }
}
