using System.Globalization;
using System.Text;
using Spectre.Console;

namespace Strata.Cli.Rendering;

/// <summary>
/// Makes text from an image or a registry safe for a terminal: control characters (C0, DEL, C1) and the
/// invisible bidirectional overrides are shown escaped (<c>\x1b</c>, <c>\n</c>), so no such string can move the
/// cursor, retitle the window or forge a line of Strata's own output. JSON output keeps the exact strings.
/// </summary>
public static class TerminalText
{
    /// <summary>The text with every unsafe character escaped; a backslash stays as it is.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        if (!text.Any(IsUnsafe))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!IsUnsafe(c))
            {
                builder.Append(c);
                continue;
            }
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                <= '\u00ff' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }
        return builder.ToString();
    }

    /// <summary>The longest message or warning printed whole; past it, a quoted value from an image is cut short.</summary>
    public const int MaxMessageLength = 2000;

    /// <summary>A message or warning, made safe and kept to one readable line: a huge quoted value is cut short.</summary>
    public static string Message(string? text)
    {
        var safe = Safe(text);
        return safe.Length <= MaxMessageLength
            ? safe
            : string.Create(CultureInfo.InvariantCulture, $"{safe.AsSpan(0, MaxMessageLength)}… ({safe.Length - MaxMessageLength} more characters)");
    }

    /// <summary>The safe text escaped for Spectre markup, to place inside a markup string.</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(Safe(text));

    /// <summary>The safe text as a renderable cell that Spectre does not read as markup.</summary>
    public static Text Cell(string? text) => new(Safe(text));

    private static bool IsUnsafe(char c) =>
        c < ' ' || c is >= '\u007f' and <= '\u009f'
        || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\u200e' or '\u200f' or '\u061c';
}
