using System.Globalization;
using Strata.Images;

namespace Strata.Analysis.Gate;

/// <summary>Sizes as dive's configuration writes them: <c>20MB</c>, <c>20Mb</c>, <c>1.5 GiB</c>, <c>512</c> (SI units are powers of 1000).</summary>
public static class ByteSize
{
    private static readonly Dictionary<string, double> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = 1, ["b"] = 1,
        ["k"] = 1e3, ["kb"] = 1e3, ["ki"] = 1024, ["kib"] = 1024,
        ["m"] = 1e6, ["mb"] = 1e6, ["mi"] = 1 << 20, ["mib"] = 1 << 20,
        ["g"] = 1e9, ["gb"] = 1e9, ["gi"] = 1 << 30, ["gib"] = 1 << 30,
        ["t"] = 1e12, ["tb"] = 1e12, ["ti"] = 1L << 40, ["tib"] = 1L << 40,
        ["p"] = 1e15, ["pb"] = 1e15, ["pi"] = 1L << 50, ["pib"] = 1L << 50,
    };

    public static long Parse(string text, string context)
    {
        var trimmed = text.Trim().Replace(",", "", StringComparison.Ordinal);
        var split = 0;
        while (split < trimmed.Length && (char.IsAsciiDigit(trimmed[split]) || trimmed[split] == '.'))
        {
            split++;
        }
        var number = trimmed[..split];
        var unit = trimmed[split..].Trim();
        if (number.Length == 0
            || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || !Units.TryGetValue(unit, out var factor))
        {
            throw new StrataException($"{context}: '{text}' is not a size (such as 20MB, 1.5GiB or 4096)");
        }
        return checked((long)(value * factor));
    }
}
