using System.Text.RegularExpressions;

namespace Strata.Vulnerabilities.Versions;

/// <summary>
/// A version that PEP 440 accepts, reduced to what its ordering looks at: every number is kept as canonical digits
/// (no leading zeros, any length), the release without trailing zeros, and the spellings normalised
/// (<c>alpha</c> → a, <c>c</c>/<c>pre</c>/<c>preview</c> → rc, <c>rev</c>/<c>r</c>/<c>1.0-1</c> → post).
/// </summary>
internal sealed partial class Pep440Version
{
    private Pep440Version(string epoch, string[] release, int preKind, string? preNumber, string? post, string? dev, string[]? local)
    {
        Epoch = epoch;
        Release = release;
        PreKind = preKind;
        PreNumber = preNumber;
        Post = post;
        Dev = dev;
        Local = local;
    }

    public string Epoch { get; }

    /// <summary>The release numbers with trailing zeros dropped, since 1.0 and 1.0.0 are the same release.</summary>
    public IReadOnlyList<string> Release { get; }

    /// <summary>0 for a, 1 for b, 2 for rc; -1 when there is no pre-release.</summary>
    public int PreKind { get; }

    public string? PreNumber { get; }

    public string? Post { get; }

    public string? Dev { get; }

    /// <summary>The local label's segments, lower-cased; null when there is none.</summary>
    public IReadOnlyList<string>? Local { get; }

    /// <summary>The version PEP 440 reads from the text, or null when the text is not a PEP 440 version.</summary>
    public static Pep440Version? TryParse(string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (!System.Text.Ascii.IsValid(trimmed))
        {
            return null;
        }
        var match = Pattern().Match(trimmed.ToString().ToLowerInvariant());
        if (!match.Success)
        {
            return null;
        }
        var epoch = match.Groups["epoch"].Success ? NumericText.Canonical(match.Groups["epoch"].Value) : "0";
        var release = match.Groups["release"].Value.Split('.').Select(NumericText.Canonical).ToList();
        while (release.Count > 0 && release[^1] == "0")
        {
            release.RemoveAt(release.Count - 1);
        }
        var preKind = -1;
        string? preNumber = null;
        if (match.Groups["pre_l"].Success)
        {
            preKind = match.Groups["pre_l"].Value switch
            {
                "a" or "alpha" => 0,
                "b" or "beta" => 1,
                _ => 2,
            };
            preNumber = NumberOrZero(match.Groups["pre_n"]);
        }
        string? post = null;
        if (match.Groups["post_n1"].Success)
        {
            post = NumericText.Canonical(match.Groups["post_n1"].Value);
        }
        else if (match.Groups["post_l"].Success)
        {
            post = NumberOrZero(match.Groups["post_n2"]);
        }
        var dev = match.Groups["dev_l"].Success ? NumberOrZero(match.Groups["dev_n"]) : null;
        var local = match.Groups["local"].Success ? match.Groups["local"].Value.Split('.', '-', '_') : null;
        return new Pep440Version(epoch, [.. release], preKind, preNumber, post, dev, local);
    }

    /// <summary>PEP 440's order: epoch, release, pre-release, post-release, development release, local label.</summary>
    public int CompareTo(Pep440Version other)
    {
        var result = NumericText.Compare(Epoch, other.Epoch);
        if (result == 0)
        {
            result = CompareRelease(Release, other.Release);
        }
        if (result == 0)
        {
            result = PreRank().CompareTo(other.PreRank());
        }
        if (result == 0 && PreKind >= 0)
        {
            // Same rank and a real pre-release on both sides: the same phase, so its number decides.
            result = NumericText.Compare(PreNumber!, other.PreNumber!);
        }
        if (result == 0)
        {
            // No post-release sorts before any post-release.
            result = CompareOptional(Post, other.Post, absentFirst: true);
        }
        if (result == 0)
        {
            // No development release sorts after any development release.
            result = CompareOptional(Dev, other.Dev, absentFirst: false);
        }
        if (result == 0)
        {
            result = CompareLocal(Local, other.Local);
        }
        return result;
    }

    /// <summary>A bare development release (1.0.dev1) sorts before every pre-release of its release.</summary>
    private bool OnlyDev => PreKind < 0 && Post is null && Dev is not null;

    /// <summary>Where the pre-release part places this version: bare dev first, then a, b, rc, then none.</summary>
    private int PreRank() => OnlyDev ? -1 : PreKind < 0 ? 3 : PreKind;

    private static string NumberOrZero(Group number) => number.Success ? NumericText.Canonical(number.Value) : "0";

    private static int CompareRelease(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var result = NumericText.Compare(a[i], b[i]);
            if (result != 0)
            {
                return result;
            }
        }
        return a.Count.CompareTo(b.Count);
    }

    private static int CompareOptional(string? a, string? b, bool absentFirst)
    {
        if (a is null || b is null)
        {
            if (a is null && b is null)
            {
                return 0;
            }
            return (a is null) == absentFirst ? -1 : 1;
        }
        return NumericText.Compare(a, b);
    }

    /// <summary>
    /// No label sorts first. Segments compare in turn: numbers by value, words alphabetically, and a number above a word;
    /// when one label is the start of the other, the longer one is greater.
    /// </summary>
    private static int CompareLocal(IReadOnlyList<string>? a, IReadOnlyList<string>? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var aNumeric = NumericText.IsDigits(a[i]);
            var bNumeric = NumericText.IsDigits(b[i]);
            var result = aNumeric && bNumeric ? NumericText.Compare(a[i], b[i])
                : aNumeric ? 1
                : bNumeric ? -1
                : Math.Sign(string.CompareOrdinal(a[i], b[i]));
            if (result != 0)
            {
                return result;
            }
        }
        return a.Count.CompareTo(b.Count);
    }

    // PEP 440, appendix B, matched against lower-cased text.
    [GeneratedRegex(
        @"^v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)" +
        @"(?:[-_.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pre_n>[0-9]+)?)?" +
        @"(?:-(?<post_n1>[0-9]+)|[-_.]?(?<post_l>post|rev|r)[-_.]?(?<post_n2>[0-9]+)?)?" +
        @"(?:[-_.]?(?<dev_l>dev)[-_.]?(?<dev_n>[0-9]+)?)?" +
        @"(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Pattern();
}
