using System.Text.RegularExpressions;

namespace Strata.Sbom.Catalogers.Debian;

/// <summary>
/// The licences a free-text Debian copyright file names by pointing at their text in
/// <c>/usr/share/common-licenses/NAME</c> ("On Debian systems, the complete text of the GNU General Public License
/// can be found in /usr/share/common-licenses/GPL-2"). A GNU licence's version and whether later versions may be
/// chosen come from the grant written just before the reference ("either version 2 of the License, or (at your
/// option) any later version"); the file names only the text, never those terms.
/// </summary>
internal static partial class CommonLicenseReferences
{
    /// <summary>How far before a reference its grant is looked for: a notice paragraph or two, never the whole file.</summary>
    private const int Reach = 1200;

    /// <summary>How close after "version N" its "or any later version" must follow.</summary>
    private const int LaterReach = 160;

    /// <summary>A real file points at a few texts; a hostile one at millions, each with a window to search.</summary>
    private const int MaxReferences = 256;

    /// <summary>The files base-files puts in /usr/share/common-licenses that are not GNU licences.</summary>
    private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
    {
        ["Apache-2.0"] = "Apache-2.0",
        ["Artistic"] = "Artistic-1.0-Perl",
        ["BSD"] = "BSD-3-Clause",
        ["CC0-1.0"] = "CC0-1.0",
        ["MPL-1.1"] = "MPL-1.1",
        ["MPL-2.0"] = "MPL-2.0",
    };

    /// <summary>The GNU licences: the versions each was published in, the first of them first.</summary>
    private static readonly Dictionary<string, string[]> GnuVersions = new(StringComparer.Ordinal)
    {
        ["GPL"] = ["1", "2", "3"],
        ["LGPL"] = ["2", "2.1", "3"],
        ["GFDL"] = ["1.1", "1.2", "1.3"],
        ["AGPL"] = ["3"],
    };

    /// <summary>The SPDX terms of the references in <paramref name="text"/> (the first <see cref="MaxReferences"/>), in order, repeats included.</summary>
    public static List<string> Find(string text)
    {
        var references = Reference().Matches(text).Take(MaxReferences).Select(m => (m.Index, End: m.Index + m.Length, Name: m.Groups["name"].Value.TrimEnd('.'))).ToList();
        var versionedFamilies = references.Select(r => GnuName().Match(r.Name)).Where(m => m.Success && m.Groups["version"].Success)
            .Select(m => m.Groups["family"].Value).ToHashSet(StringComparer.Ordinal);
        var terms = new List<string>();
        foreach (var (index, end, name) in references)
        {
            if (Fixed.TryGetValue(name, out var known))
            {
                terms.Add(known);
            }
            else if (GnuName().Match(name) is { Success: true } gnu)
            {
                if (Gnu(text, index, end, gnu.Groups["family"].Value, gnu.Groups["version"].Success ? gnu.Groups["version"].Value : null, versionedFamilies) is { } term)
                {
                    terms.Add(term);
                }
            }
            else if (name.Length > 0)
            {
                terms.Add(DebianLicenseNames.Term(name));
            }
        }
        return terms;
    }

    /// <summary>
    /// <c>GPL-2</c> with "or (at your option) any later version" after its "version 2" is <c>GPL-2.0-or-later</c>,
    /// without it <c>GPL-2.0-only</c>. Plain <c>GPL</c> takes the version its grant names; with none named, the GPL's
    /// own rule applies (any version ever published: <c>GPL-1.0-or-later</c>), unless the file also points at a
    /// numbered text of the same licence, which then says which.
    /// </summary>
    private static string? Gnu(string text, int index, int end, string family, string? version, HashSet<string> versionedFamilies)
    {
        // The rest of the reference's line ("…/GPL', version 2 of this license"), but not a whole file of one line.
        var lineEnd = text.IndexOf('\n', end, Math.Min(LaterReach, text.Length - end));
        var windowEnd = lineEnd < 0 ? Math.Min(text.Length, end + LaterReach) : lineEnd;
        var windowStart = WindowStart(text, index);
        var window = text[windowStart..windowEnd];
        var published = GnuVersions[family];
        var phrases = VersionPhrase().Matches(window)
            .Select(m => (Match: m, Version: Normalise(m.Groups["version"].Value)))
            .Where(p => published.Contains(p.Version) && (version is null || p.Version == Normalise(version)))
            .ToList();
        bool later;
        if (phrases.Count > 0)
        {
            // The nearest "version N" says which; any grant of that version with "or any later version" says later.
            version ??= phrases[^1].Version;
            later = phrases.Where(p => p.Version == Normalise(version)).Any(p => Later().IsMatch(After(window, p.Match)));
        }
        else if (version is not null)
        {
            later = Later().IsMatch(window);
        }
        else if (versionedFamilies.Contains(family))
        {
            return null;
        }
        else
        {
            version = published[0];
            later = true;
        }
        version = Normalise(version);
        if (!published.Contains(version))
        {
            return DebianLicenseNames.Term($"{family}-{version}");
        }
        return $"{family}-{(version.Contains('.', StringComparison.Ordinal) ? version : version + ".0")}-{(later ? "or-later" : "only")}";
    }

    /// <summary><see cref="Reach"/> characters back, but not past a separator line (sixteen or more <c>-</c>, <c>=</c> or <c>*</c>) between licence sections; shorter rules frame a quoted header, which is the grant.</summary>
    private static int WindowStart(string text, int index)
    {
        var start = Math.Max(0, index - Reach);
        var separator = Separator().Matches(text[start..index]).LastOrDefault();
        return separator is null ? start : start + separator.Index + separator.Length;
    }

    private static string After(string window, Match phrase) =>
        window[phrase.Index..Math.Min(window.Length, phrase.Index + phrase.Length + LaterReach)];

    private static string Normalise(string version) => version.EndsWith(".0", StringComparison.Ordinal) ? version[..^2] : version;

    [GeneratedRegex(@"/?usr/share/common-licenses/(?<name>[0-9A-Za-z_.+-]*[0-9A-Za-z+])")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^(?<family>A?GPL|LGPL|GFDL)(-(?<version>[0-9](\.[0-9])?))?$")]
    private static partial Regex GnuName();

    /// <summary>"version 2", "version 2.1", "v3", "GPLv2", "(2.1)" (not "(1)", which numbers a list).</summary>
    [GeneratedRegex(@"(\bversion\s+|\bv|GPL\s*v?)(?<version>[0-9](\.[0-9])?)\b|\((?<version>[0-9]\.[0-9])\)", RegexOptions.IgnoreCase)]
    private static partial Regex VersionPhrase();

    [GeneratedRegex(@"later\s+version|or\s+later|\bv?[0-9](\.[0-9])?\+", RegexOptions.IgnoreCase)]
    private static partial Regex Later();

    [GeneratedRegex(@"^[^\n]{0,4}(-{16,}|={16,}|\*{16,})[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex Separator();
}
