namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// Debian's version ordering, as deb-version(7) and dpkg's verrevcmp define it: <c>[epoch:]upstream[-revision]</c>,
/// compared epoch first (as a number), then upstream, then revision. Each part is walked as alternating non-digit and
/// digit runs; in non-digit runs <c>~</c> sorts before everything (even the end of the string), then letters, then all
/// other characters; digit runs compare by value.
/// </summary>
public sealed class DpkgVersionComparer : IVersionComparer
{
    public IReadOnlyList<string> Ecosystems { get; } = ["Debian", "Ubuntu"];

    public bool IsValid(string version)
    {
        var (epoch, upstream, revision) = Split(version);
        if (epoch.Length > 0 && !NumericText.IsDigits(epoch))
        {
            return false;
        }
        if (upstream.Length == 0 || !char.IsAsciiDigit(upstream[0]))
        {
            return false;
        }
        var hasRevision = upstream.Length + (epoch.Length > 0 ? epoch.Length + 1 : 0) < version.Length;
        if (hasRevision && revision.Length == 0)
        {
            return false;
        }
        return AllAllowed(upstream, allowHyphen: hasRevision, allowColon: epoch.Length > 0)
            && AllAllowed(revision, allowHyphen: false, allowColon: false);
    }

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }
        var a = Split(x);
        var b = Split(y);
        var order = NumericText.Compare(a.Epoch, b.Epoch);
        if (order == 0)
        {
            order = CompareRevisionPart(a.Upstream, b.Upstream);
        }
        if (order == 0)
        {
            order = CompareRevisionPart(a.Revision, b.Revision);
        }
        return Math.Sign(order);
    }

    /// <summary>
    /// Splits at the first colon (when what precedes it is a number) and the last hyphen. A non-numeric "epoch" stays
    /// part of the upstream version, so a malformed string still has one consistent place.
    /// </summary>
    private static (string Epoch, string Upstream, string Revision) Split(string version)
    {
        var epoch = "";
        var rest = version;
        var colon = version.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && NumericText.IsDigits(version.AsSpan(0, colon)))
        {
            epoch = version[..colon];
            rest = version[(colon + 1)..];
        }
        var hyphen = rest.LastIndexOf('-');
        return hyphen < 0 ? (epoch, rest, "") : (epoch, rest[..hyphen], rest[(hyphen + 1)..]);
    }

    private static bool AllAllowed(string part, bool allowHyphen, bool allowColon)
    {
        foreach (var c in part)
        {
            var allowed = char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '~'
                || (c == '-' && allowHyphen) || (c == ':' && allowColon);
            if (!allowed)
            {
                return false;
            }
        }
        return true;
    }

    private static int CompareRevisionPart(string a, string b)
    {
        var i = 0;
        var j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var aWeight = Weight(a, i);
                var bWeight = Weight(b, j);
                if (aWeight != bWeight)
                {
                    return aWeight - bWeight;
                }
                i++;
                j++;
            }
            var aStart = i;
            while (i < a.Length && char.IsAsciiDigit(a[i]))
            {
                i++;
            }
            var bStart = j;
            while (j < b.Length && char.IsAsciiDigit(b[j]))
            {
                j++;
            }
            var order = NumericText.Compare(a.AsSpan(aStart, i - aStart), b.AsSpan(bStart, j - bStart));
            if (order != 0)
            {
                return order;
            }
        }
        return 0;
    }

    /// <summary>
    /// The sort weight of the character at <paramref name="index"/> inside a non-digit run: the end of the string or
    /// a digit is 0, <c>~</c> is below that, letters sort by their code, and every other character after all letters.
    /// </summary>
    private static int Weight(string text, int index)
    {
        if (index >= text.Length || char.IsAsciiDigit(text[index]))
        {
            return 0;
        }
        var c = text[index];
        if (c == '~')
        {
            return -1;
        }
        return char.IsAsciiLetter(c) ? c : c + 0x10000;
    }
}
