using System.Text.RegularExpressions;

namespace Strata.Sbom.Catalogers.Debian;

/// <summary>
/// The licences a Debian copyright file (<c>/usr/share/doc/NAME/copyright</c>) declares, as SPDX terms that all
/// apply, each once, in the order the file first gives them. A machine-readable file (DEP-5: copyright-format 1.0
/// or its draft at dep.debian.net) gives them in its <c>License:</c> fields, header and files paragraphs alike,
/// with or without a text; a free-text file in the <c>License:</c> lines that name a licence and in its references
/// to <c>/usr/share/common-licenses/NAME</c>.
/// </summary>
internal static partial class DebianCopyright
{
    /// <summary>A short-name expression has a few names; more words than this is a sentence of licence text.</summary>
    private const int MaxNamesInLine = 4;

    public static IReadOnlyList<string> Licenses(string text)
    {
        var licenses = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(IEnumerable<string> terms)
        {
            foreach (var term in terms)
            {
                if (seen.Add(term))
                {
                    licenses.Add(term);
                }
            }
        }
        var paragraphs = ControlFile.Parse(text);
        if (paragraphs.Count > 0 && paragraphs[0]["Format"] is { } format && IsMachineReadable(format))
        {
            // Files paragraphs repeat a few names hundreds of times (perl's: 28 names in 224); a name gives the same terms each time.
            var named = new HashSet<string>(StringComparer.Ordinal);
            foreach (var paragraph in paragraphs)
            {
                // The first line names the licence; lines after it are its text.
                if (FirstLine(paragraph["License"]) is { Length: > 0 } name && named.Add(name))
                {
                    Add(DebianLicenseNames.Terms(name));
                }
            }
            if (licenses.Count > 0)
            {
                return licenses;
            }
        }
        else
        {
            foreach (Match line in LicenseLine().Matches(text))
            {
                if (IsShortName(line.Groups["value"].Value))
                {
                    Add(DebianLicenseNames.Terms(line.Groups["value"].Value));
                }
            }
        }
        Add(CommonLicenseReferences.Find(text));
        return licenses;
    }

    /// <summary><c>Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/</c> or the draft's <c>http://dep.debian.net/deps/dep5</c>.</summary>
    private static bool IsMachineReadable(string format) =>
        format.Contains("copyright-format", StringComparison.OrdinalIgnoreCase) || format.Contains("dep5", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>GPL-1+ or Artistic</c> → <c>GPL-1.0-or-later OR Artistic-1.0-Perl</c>.</summary>
    public static string? ToSpdx(string debian) => DebianLicenseNames.ToSpdx(debian);

    private static string? FirstLine(string? value)
    {
        var end = value?.IndexOf('\n', StringComparison.Ordinal) ?? -1;
        return (end < 0 ? value : value![..end])?.Trim();
    }

    /// <summary>
    /// A free-text file's <c>License: Expat</c> names a licence; <c>License: Permission is hereby granted, …</c>
    /// starts its text. Names are single words of letters, digits and <c>.+-_</c> (with an exception's name after
    /// <c>with</c>), a few of them.
    /// </summary>
    private static bool IsShortName(string value)
    {
        var names = 0;
        var afterWith = false;
        foreach (var word in value.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word is "and" or "or" or "with" || (word.Equals("exception", StringComparison.OrdinalIgnoreCase) && afterWith)
                || word.Equals("license", StringComparison.OrdinalIgnoreCase) || word.Equals("licence", StringComparison.OrdinalIgnoreCase))
            {
                afterWith |= word == "with";
                continue;
            }
            if (!ShortName().IsMatch(word) || ++names > MaxNamesInLine)
            {
                return false;
            }
        }
        return names > 0;
    }

    [GeneratedRegex(@"^License:[ \t]*(?<value>[^\r\n]*)", RegexOptions.Multiline)]
    private static partial Regex LicenseLine();

    /// <summary>Starts with a letter or digit, has a capital or a digit (<c>Expat</c>, <c>GPL-2+</c>, <c>public-domain</c> aside).</summary>
    [GeneratedRegex(@"^([A-Za-z0-9][A-Za-z0-9.+_-]*[A-Z0-9+][A-Za-z0-9.+_-]*|[A-Z][A-Za-z0-9.+_-]*|[a-z]+(-[a-z0-9]+)+)$")]
    private static partial Regex ShortName();
}
