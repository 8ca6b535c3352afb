using System.Text;
using System.Text.RegularExpressions;
using Strata.Images;

namespace Strata.Analysis.Slim;

/// <summary>The opt-in removals of <c>strata slim</c>, as predicates over normalised paths (no leading slash).</summary>
public static class PathRemovals
{
    /// <summary>Folders whose contents are package-manager caches and lists; the folders themselves stay.</summary>
    private static readonly string[] CacheContents = ["var/lib/apt/lists/", "var/cache/apt/", "var/cache/apk/", "root/.cache/", "tmp/"];

    private static readonly string[] DocFolders = ["usr/share/doc", "usr/share/man", "usr/share/info"];

    private static readonly string[] LocaleFolders = ["usr/share/locale/", "usr/lib/locale/"];

    /// <summary>
    /// <c>--drop caches</c>: apt lists and caches, apk's cache, root's ~/.cache, /tmp, and npm's _cacache in root's or
    /// any user's home.
    /// </summary>
    public static PathRemoval Caches { get; } = new("caches", path =>
        CacheContents.Any(c => path.StartsWith(c, StringComparison.Ordinal)) || IsNpmCache(path));

    /// <summary><c>--drop docs</c>: /usr/share/doc, man and info, except copyright and licence files.</summary>
    public static PathRemoval Docs { get; } = new("docs", path =>
        DocFolders.Any(d => IsAtOrUnder(path, d)) && !IsLicence(path[(path.LastIndexOf('/') + 1)..]));

    /// <summary>
    /// <c>--drop locales</c>: message catalogues and compiled locales except those kept; a kept "en" keeps "en_GB",
    /// "en@quot" and "en.UTF-8" too, and the C locales always stay.
    /// </summary>
    public static PathRemoval Locales(IReadOnlyCollection<string> keep) => new("locales", path =>
    {
        var folder = LocaleFolders.FirstOrDefault(f => path.StartsWith(f, StringComparison.Ordinal));
        if (folder is null)
        {
            return false;
        }
        var rest = path[folder.Length..];
        var slash = rest.IndexOf('/');
        if (slash < 0 && !IsLocaleName(rest))
        {
            return false; // files such as locale.alias or locale-archive describe locales rather than being one
        }
        var locale = slash < 0 ? rest : rest[..slash];
        return !IsKept(locale, keep) && !IsKept(locale, ["C", "POSIX"]);
    });

    /// <summary><c>--remove GLOB</c>: '*' and '?' within one path part, '**' across parts; a matched folder goes whole.</summary>
    public static PathRemoval Glob(string glob)
    {
        var trimmed = glob.TrimStart('/').TrimEnd('/');
        if (trimmed.Length == 0)
        {
            throw new StrataException($"--remove '{glob}': the pattern names the root; give the paths to remove");
        }
        var regex = new Regex("^" + GlobPattern(trimmed) + "(/.*)?$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        return new PathRemoval($"--remove {glob}", path => regex.IsMatch(path));
    }

    private static string GlobPattern(string glob)
    {
        var pattern = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                pattern.Append(".*");
                i++;
            }
            else
            {
                pattern.Append(glob[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    var c => Regex.Escape(c.ToString()),
                });
            }
        }
        return pattern.ToString();
    }

    private static bool IsNpmCache(string path)
    {
        var parts = path.Split('/');
        var home = parts is ["root", ..] ? 1 : parts is ["home", _, ..] ? 2 : -1;
        return home > 0 && parts.Length > home + 1 && parts[home] == ".npm" && parts[home + 1] == "_cacache";
    }

    private static bool IsAtOrUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);

    private static bool IsLicence(string name) =>
        name.StartsWith("copyright", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("COPYING", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("LICENCE", StringComparison.OrdinalIgnoreCase);

    private static bool IsLocaleName(string name) => name.Length >= 2 && char.IsAsciiLetterLower(name[0]) && char.IsAsciiLetterLower(name[1])
        && (name.Length == 2 || name[2] is '.' or '@' or '_');

    private static bool IsKept(string locale, IEnumerable<string> keep) =>
        keep.Any(k => locale == k || (locale.StartsWith(k, StringComparison.Ordinal) && locale[k.Length] is '_' or '.' or '@'));
}
