using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Sbom.Catalogers;

/// <summary>
/// The licences a machine-readable Debian copyright file (<c>/usr/share/doc/NAME/copyright</c>, DEP-5) declares,
/// as SPDX expressions: Debian's short names become SPDX identifiers where one matches (<c>GPL-2+</c> is
/// <c>GPL-2.0-or-later</c>, <c>Expat</c> is <c>MIT</c>); the others become <c>LicenseRef-</c> identifiers.
/// </summary>
internal static partial class DebianCopyright
{
    private static readonly Dictionary<string, string> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Expat"] = "MIT", ["MIT"] = "MIT", ["X11"] = "X11", ["ISC"] = "ISC", ["Zlib"] = "Zlib", ["MIT-0"] = "MIT-0",
        ["BSD-2-clause"] = "BSD-2-Clause", ["BSD-3-clause"] = "BSD-3-Clause", ["BSD-4-clause"] = "BSD-4-Clause", ["BSD-4-clause-UC"] = "BSD-4-Clause-UC", ["0BSD"] = "0BSD",
        ["Apache-2.0"] = "Apache-2.0", ["Apache-2"] = "Apache-2.0", ["Apache-1.1"] = "Apache-1.1",
        ["Artistic"] = "Artistic-1.0-Perl", ["Artistic-1.0"] = "Artistic-1.0", ["Artistic-2.0"] = "Artistic-2.0", ["Artistic-2"] = "Artistic-2.0",
        ["MPL-1.1"] = "MPL-1.1", ["MPL-2.0"] = "MPL-2.0", ["CC0-1.0"] = "CC0-1.0", ["CC0"] = "CC0-1.0",
        ["CC-BY-3.0"] = "CC-BY-3.0", ["CC-BY-4.0"] = "CC-BY-4.0", ["CC-BY-SA-3.0"] = "CC-BY-SA-3.0", ["CC-BY-SA-4.0"] = "CC-BY-SA-4.0",
        ["BSL-1.0"] = "BSL-1.0", ["Boost-1.0"] = "BSL-1.0", ["FSFAP"] = "FSFAP", ["FSFUL"] = "FSFUL", ["FSFULLR"] = "FSFULLR",
        ["OpenSSL"] = "OpenSSL", ["Unlicense"] = "Unlicense", ["WTFPL"] = "WTFPL", ["Python-2.0"] = "Python-2.0",
        ["PSF-2"] = "PSF-2.0", ["PSF-2.0"] = "PSF-2.0", ["curl"] = "curl", ["Libpng"] = "Libpng", ["IJG"] = "IJG",
        ["Sleepycat"] = "Sleepycat", ["Vim"] = "Vim", ["OFL-1.1"] = "OFL-1.1", ["Ruby"] = "Ruby", ["NTP"] = "NTP", ["HPND"] = "HPND",
        ["TCL"] = "TCL", ["ICU"] = "ICU", ["Info-ZIP"] = "Info-ZIP", ["EPL-1.0"] = "EPL-1.0", ["EPL-2.0"] = "EPL-2.0",
        ["CDDL-1.0"] = "CDDL-1.0", ["OLDAP-2.8"] = "OLDAP-2.8", ["Beerware"] = "Beerware", ["Unicode-DFS-2016"] = "Unicode-DFS-2016",
    };

    /// <summary>The distinct licence expressions, in the order the file first gives them; none when it is not DEP-5.</summary>
    public static IReadOnlyList<string> Licenses(string text)
    {
        var paragraphs = ControlFile.Parse(text);
        if (paragraphs.Count == 0 || paragraphs[0]["Format"] is not { } format || !format.Contains("copyright-format", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        var licenses = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in paragraphs)
        {
            // The first line names the licence; lines after it are its text.
            var name = FirstLine(paragraph["License"]);
            if (!string.IsNullOrEmpty(name) && ToSpdx(name) is { } expression && seen.Add(expression))
            {
                licenses.Add(expression);
            }
        }
        return licenses;
    }

    private static string? FirstLine(string? value)
    {
        var end = value?.IndexOf('\n', StringComparison.Ordinal) ?? -1;
        return (end < 0 ? value : value![..end])?.Trim();
    }

    /// <summary><c>GPL-1+ or Artistic</c> → <c>GPL-1.0-or-later OR Artistic-1.0-Perl</c>.</summary>
    public static string? ToSpdx(string debian)
    {
        var terms = new List<string>();
        var current = new List<string>();
        void Close()
        {
            if (current.Count > 0)
            {
                terms.Add(Term(string.Join(' ', current)));
                current.Clear();
            }
        }
        foreach (var word in debian.Replace(",", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Equals("or", StringComparison.OrdinalIgnoreCase) || word.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                Close();
                if (terms.Count > 0 && terms[^1] is not ("OR" or "AND"))
                {
                    terms.Add(word.ToUpperInvariant());
                }
                continue;
            }
            current.Add(word);
        }
        Close();
        if (terms.Count > 0 && terms[^1] is "OR" or "AND")
        {
            terms.RemoveAt(terms.Count - 1);
        }
        return terms.Count == 0 ? null : string.Join(' ', terms);
    }

    private static string Term(string name)
    {
        if (Named.TryGetValue(name, out var spdx))
        {
            return spdx;
        }
        var gnu = GnuLicense().Match(name);
        if (gnu.Success)
        {
            var version = gnu.Groups["version"].Value;
            var family = gnu.Groups["family"].Value.ToUpperInvariant();
            var niv = gnu.Groups["niv"].Success ? "-no-invariants" : "";
            return $"{family}-{(version.Contains('.', StringComparison.Ordinal) ? version : version + ".0")}{niv}-{(gnu.Groups["later"].Success ? "or-later" : "only")}";
        }
        var reference = new StringBuilder("LicenseRef-");
        foreach (var c in name)
        {
            reference.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : c == '+' ? "-plus" : "-");
        }
        return reference.ToString();
    }

    /// <summary>GPL-2, GPL-2+, GPLv3+, LGPL-2.1+, AGPL-3, GFDL-1.3+, GFDL-NIV-1.3+.</summary>
    [GeneratedRegex(@"^(?<family>A?GPL|LGPL|GFDL)(?<niv>-NIV)?(-|v)(?<version>[1-3](\.[0-9])?)(?<later>\+)?$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex GnuLicense();
}
