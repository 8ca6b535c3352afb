using System.Globalization;

namespace Strata.TestKit;

/// <summary>A single <c>Range: bytes=…</c> request against content of a known length.</summary>
internal readonly record struct ByteRange(long Start, long End)
{
    public long Length => End - Start + 1;

    public string ContentRange(long total) => string.Create(CultureInfo.InvariantCulture, $"bytes {Start}-{End}/{total}");

    /// <summary>
    /// Null when <paramref name="header"/> asks for the whole content (absent, not bytes, several ranges, malformed);
    /// an empty range (<see cref="Length"/> 0) when it starts past the end.
    /// </summary>
    public static ByteRange? Parse(string? header, long total)
    {
        if (header is null || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }
        var spec = header["bytes=".Length..].Trim();
        var dash = spec.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return null;
        }
        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            return long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var suffix) && suffix > 0
                ? new ByteRange(Math.Max(0, total - suffix), total - 1)
                : null;
        }
        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return null;
        }
        if (start >= total)
        {
            return new ByteRange(start, start - 1);
        }
        if (last.Length == 0)
        {
            return new ByteRange(start, total - 1);
        }
        return long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var end) && end >= start
            ? new ByteRange(start, Math.Min(end, total - 1))
            : null;
    }
}
