using System.Globalization;

namespace Strata.Images.Registry;

/// <summary>Reads <c>--timeout</c>: a whole number with a unit (<c>500ms</c>, <c>30s</c>, <c>2m</c>).</summary>
public static class RegistryTimeout
{
    private static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    public static TimeSpan Parse(string text, string option = "--timeout")
    {
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }
        var unit = text[digits..];
        if (digits == 0 || digits > 9 || !long.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new StrataException($"{option} '{text}': expected a number with a unit, for example 30s, 2m or 500ms");
        }
        TimeSpan? span = unit switch
        {
            "ms" => TimeSpan.FromMilliseconds(number),
            "s" => TimeSpan.FromSeconds(number),
            "m" => TimeSpan.FromMinutes(number),
            "h" => TimeSpan.FromHours(number),
            _ => null,
        };
        if (span is null)
        {
            throw new StrataException($"{option} '{text}': {(unit.Length == 0 ? "no unit" : $"unknown unit '{unit}'")}; use ms, s, m or h (for example 30s)");
        }
        if (span <= TimeSpan.Zero || span > Longest)
        {
            throw new StrataException($"{option} '{text}': must be more than 0 and at most 24h");
        }
        return span.Value;
    }
}
