using System.Globalization;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace Strata.Cli.Explore;

/// <summary>
/// Key names as people write them (<c>ctrl+f</c>, <c>q</c>, <c>tab</c>, <c>pgdn</c>, <c>ctrl+space</c>) and as the
/// status bar shows them.
/// </summary>
public static class KeyName
{
    private static readonly Dictionary<string, KeyCode> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tab"] = KeyCode.Tab,
        ["esc"] = KeyCode.Esc,
        ["escape"] = KeyCode.Esc,
        ["enter"] = KeyCode.Enter,
        ["space"] = KeyCode.Space,
        ["up"] = KeyCode.CursorUp,
        ["down"] = KeyCode.CursorDown,
        ["left"] = KeyCode.CursorLeft,
        ["right"] = KeyCode.CursorRight,
        ["pgup"] = KeyCode.PageUp,
        ["pageup"] = KeyCode.PageUp,
        ["pgdn"] = KeyCode.PageDown,
        ["pagedown"] = KeyCode.PageDown,
        ["home"] = KeyCode.Home,
        ["end"] = KeyCode.End,
        ["backspace"] = KeyCode.Backspace,
        ["delete"] = KeyCode.Delete,
    };

    /// <summary>The key a name means, or null with the reason when it means none.</summary>
    public static Key? Parse(string text, out string? error)
    {
        error = null;
        var parts = text.Trim().Split('+');
        // "ctrl++" names ctrl and the plus key.
        if (text.EndsWith("++", StringComparison.Ordinal))
        {
            parts = [.. text[..^2].Split('+'), "+"];
        }
        var modifiers = KeyCode.Null;
        foreach (var modifier in parts[..^1])
        {
            KeyCode? mask = modifier.ToLowerInvariant() switch
            {
                "ctrl" or "control" => KeyCode.CtrlMask,
                "alt" or "meta" => KeyCode.AltMask,
                "shift" => KeyCode.ShiftMask,
                _ => null,
            };
            if (mask is null)
            {
                error = $"'{text}' is not a key: '{modifier}' is not ctrl, alt or shift";
                return null;
            }
            modifiers |= mask.Value;
        }
        var name = parts[^1];
        KeyCode code;
        if (Named.TryGetValue(name, out var named))
        {
            code = named;
        }
        else if (name.Length == 1 && name[0] is >= 'a' and <= 'z')
        {
            code = (KeyCode)char.ToUpperInvariant(name[0]);
        }
        else if (name.Length == 1 && name[0] is >= 'A' and <= 'Z')
        {
            code = (KeyCode)name[0] | KeyCode.ShiftMask;
        }
        else if (name.Length == 1 && name[0] > ' ' && name[0] < 0x7f)
        {
            code = (KeyCode)name[0];
        }
        else if (name.Length is 2 or 3 && (name[0] is 'f' or 'F') && int.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var f) && f is >= 1 and <= 12)
        {
            code = KeyCode.F1 + (uint)(f - 1);
        }
        else
        {
            error = $"'{text}' is not a key (write a letter, a symbol, tab, esc, enter, space, up, down, left, right, pgup, pgdn, home, end or f1-f12, with ctrl+, alt+ or shift+)";
            return null;
        }
        return new Key(code | modifiers);
    }

    /// <summary>How the status bar shows a key: <c>^F</c> for ctrl+f, <c>q</c>, <c>Tab</c>, <c>PgDn</c>.</summary>
    public static string Show(Key key)
    {
        var code = key.KeyCode & ~KeyCode.CtrlMask & ~KeyCode.AltMask & ~KeyCode.ShiftMask;
        var baseName = Named.Where(n => n.Value == code).Select(n => n.Key).FirstOrDefault();
        string name;
        if (baseName is not null)
        {
            name = baseName switch { "pgup" => "PgUp", "pgdn" => "PgDn", "esc" => "Esc", _ => char.ToUpperInvariant(baseName[0]) + baseName[1..] };
        }
        else if (code is >= KeyCode.A and <= KeyCode.Z)
        {
            name = key.IsShift ? ((char)code).ToString() : char.ToLowerInvariant((char)code).ToString();
        }
        else if (code is >= KeyCode.F1 and <= KeyCode.F12)
        {
            name = "F" + (code - KeyCode.F1 + 1).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            name = ((char)code).ToString();
        }
        var prefix = (key.IsCtrl ? "^" : "") + (key.IsAlt ? "M-" : "");
        return prefix.Length > 0 && name.Length == 1 ? prefix + name.ToUpperInvariant() : prefix + name;
    }
}
