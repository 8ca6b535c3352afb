using System.Globalization;
using System.Text;

namespace Strata.Images.Registry;

/// <summary>Text a registry sent (an error message, a URL it named) made fit for a one-line error: control characters escaped, length capped.</summary>
internal static class RegistryText
{
    private const int MaxChars = 300;

    public static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var shown = new StringBuilder();
        foreach (var c in text.Length > MaxChars ? text[..MaxChars] : text)
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
        return text.Length > MaxChars ? shown.Append('…').ToString() : shown.ToString();
    }
}
