namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// RPM's ordering of <c>[epoch:]version[-release]</c>, for Red Hat and the distributions built the same way.
/// The epoch compares as a number (none is 0), then version and release each with rpmvercmp: the strings are cut
/// into runs of ASCII digits and runs of ASCII letters, everything else only separating them; digit runs compare by
/// value and beat letter runs; letter runs compare as text; <c>~</c> sorts before anything, even the end, and
/// <c>^</c> after the end but before anything else. A version with a release sorts after the same one without.
/// </summary>
public sealed class RpmVersionComparer : IVersionComparer
{
    public IReadOnlyList<string> Ecosystems { get; } =
        ["Red Hat", "Rocky Linux", "AlmaLinux", "SUSE", "openSUSE", "openEuler", "Mageia", "Photon OS", "Azure Linux"];

    /// <summary>A numeric epoch if any, a version, and a release if any, each of RPM's characters only.</summary>
    public bool IsValid(string version)
    {
        var (_, upstream, release) = Split(version);
        return !version.StartsWith(':') && upstream.Length > 0 && AllAllowed(upstream)
            && release is not "" && (release is null || AllAllowed(release));
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
            order = CompareSegments(a.Version, b.Version);
        }
        if (order == 0)
        {
            order = a.Release is null || b.Release is null
                ? (a.Release is not null).CompareTo(b.Release is not null)
                : CompareSegments(a.Release, b.Release);
        }
        return Math.Sign(order);
    }

    /// <summary>
    /// The epoch is the leading digits when a colon follows them; the release is what follows the last hyphen.
    /// A colon anywhere else is part of the version (some module streams put one there).
    /// </summary>
    private static (string Epoch, string Version, string? Release) Split(string evr)
    {
        var digits = 0;
        while (digits < evr.Length && char.IsAsciiDigit(evr[digits]))
        {
            digits++;
        }
        var epoch = "";
        var rest = evr;
        if (digits < evr.Length && evr[digits] == ':')
        {
            epoch = evr[..digits];
            rest = evr[(digits + 1)..];
        }
        var hyphen = rest.LastIndexOf('-');
        return hyphen < 0 ? (epoch, rest, null) : (epoch, rest[..hyphen], rest[(hyphen + 1)..]);
    }

    private static bool AllAllowed(string part) => part.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' or '~' or '^');

    /// <summary>rpmvercmp: compares two version (or release) strings segment by segment.</summary>
    private static int CompareSegments(string a, string b)
    {
        var i = 0;
        var j = 0;
        while (i < a.Length || j < b.Length)
        {
            SkipSeparators(a, ref i);
            SkipSeparators(b, ref j);
            var aAt = i < a.Length ? a[i] : '\0';
            var bAt = j < b.Length ? b[j] : '\0';

            if (aAt == '~' || bAt == '~')
            {
                if (aAt != bAt)
                {
                    return aAt == '~' ? -1 : 1;
                }
                i++;
                j++;
                continue;
            }
            if (aAt == '^' || bAt == '^')
            {
                if (i >= a.Length)
                {
                    return -1;
                }
                if (j >= b.Length)
                {
                    return 1;
                }
                if (aAt != bAt)
                {
                    return aAt == '^' ? -1 : 1;
                }
                i++;
                j++;
                continue;
            }
            if (i >= a.Length || j >= b.Length)
            {
                break;
            }

            var numeric = char.IsAsciiDigit(aAt);
            var aSegment = ReadSegment(a, ref i, numeric);
            var bSegment = ReadSegment(b, ref j, numeric);
            if (bSegment.Length == 0)
            {
                // The segments are of different kinds: a number is newer than letters.
                return numeric ? 1 : -1;
            }
            var order = numeric ? NumericText.Compare(aSegment, bSegment) : Math.Sign(aSegment.SequenceCompareTo(bSegment));
            if (order != 0)
            {
                return order;
            }
        }
        var aLeft = i < a.Length;
        var bLeft = j < b.Length;
        return aLeft == bLeft ? 0 : aLeft ? 1 : -1;
    }

    private static void SkipSeparators(string text, ref int index)
    {
        while (index < text.Length && !char.IsAsciiLetterOrDigit(text[index]) && text[index] is not ('~' or '^'))
        {
            index++;
        }
    }

    private static ReadOnlySpan<char> ReadSegment(string text, ref int index, bool numeric)
    {
        var start = index;
        while (index < text.Length && (numeric ? char.IsAsciiDigit(text[index]) : char.IsAsciiLetter(text[index])))
        {
            index++;
        }
        return text.AsSpan(start, index - start);
    }
}
