using System.Text;
using System.Text.RegularExpressions;
using Strata.Analysis.Advising.Size;
using Strata.Analysis.Slim;
using Strata.Images;

namespace Strata.Cli.Commands;

/// <summary>The opted-in removals of <c>strata slim</c>, from --drop, --keep-locale and --remove.</summary>
internal static class SlimRemovals
{
    public static readonly string[] DropChoices = ["caches", "docs", "locales"];

    private static readonly string[] DocumentationFolders = ["usr/share/doc/", "usr/share/man/", "usr/share/info/", "usr/local/share/doc/", "usr/local/share/man/"];
    private static readonly string[] LocaleFolders = ["usr/share/locale/", "usr/lib/locale/"];

    /// <summary>Locales every program may rely on: never dropped.</summary>
    private static readonly string[] AlwaysKept = ["C", "C.UTF-8", "C.utf8", "POSIX"];

    public static IReadOnlyList<PathRemoval> From(SlimSettings settings)
    {
        var drops = settings.Drop.Select(d => CommandOutput.Choice("--drop", d, DropChoices)).Distinct().ToList();
        if (settings.KeepLocales.Length > 0 && !drops.Contains("locales"))
        {
            throw new StrataException("--keep-locale: only means something with --drop locales");
        }
        foreach (var locale in settings.KeepLocales)
        {
            if (locale.Length == 0 || locale.Contains('/', StringComparison.Ordinal))
            {
                throw new StrataException($"--keep-locale: '{locale}' is not a locale name such as en_US or de");
            }
        }
        var removals = new List<PathRemoval>();
        foreach (var drop in DropChoices.Where(drops.Contains))
        {
            removals.Add(drop switch
            {
                "caches" => new PathRemoval("caches", path => CachePaths.Of(path) is not null),
                "docs" => new PathRemoval("docs", IsDocumentation),
                _ => new PathRemoval("locales", path => IsDroppedLocale(path, settings.KeepLocales)),
            });
        }
        removals.AddRange(settings.Remove.Select(glob => new PathRemoval("--remove " + glob, Glob(glob))));
        return removals;
    }

    /// <summary>What the dev.strata.slim label says was removed: the options, not the bytes, so slimming again gives the same config.</summary>
    public static string Label(SlimSettings settings)
    {
        var parts = new List<string> { settings.RewriteBase ? "dead bytes (base layers too)" : "dead bytes (not in base layers)" };
        parts.AddRange(DropChoices.Where(settings.Drop.Contains).Select(d => d == "locales" && settings.KeepLocales.Length > 0
            ? $"locales but {string.Join(",", settings.KeepLocales.Order(StringComparer.Ordinal))}"
            : d));
        parts.AddRange(settings.Remove.Select(g => "--remove " + g));
        if (settings.Squash)
        {
            parts.Add("squashed");
        }
        return string.Join("; ", parts);
    }

    private static bool IsDocumentation(string path)
    {
        if (!DocumentationFolders.Any(f => path.StartsWith(f, StringComparison.Ordinal)))
        {
            return false;
        }
        var name = path[(path.LastIndexOf('/') + 1)..];
        // Licences must ship with the software they cover.
        return name is not ("copyright" or "LICENSE" or "LICENCE" or "COPYING") && !name.StartsWith("LICENSE.", StringComparison.Ordinal);
    }

    private static bool IsDroppedLocale(string path, IReadOnlyList<string> keep)
    {
        var folder = LocaleFolders.FirstOrDefault(f => path.StartsWith(f, StringComparison.Ordinal));
        if (folder is null)
        {
            return false;
        }
        var rest = path[folder.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return false; // a file beside the locales (locale.alias, locale-archive) is not one locale
        }
        var locale = rest[..slash];
        return !AlwaysKept.Contains(locale) && !keep.Any(k => locale == k || locale.StartsWith(k + "_", StringComparison.Ordinal)
            || locale.StartsWith(k + ".", StringComparison.Ordinal) || locale.StartsWith(k + "@", StringComparison.Ordinal));
    }

    /// <summary>A shell-style glob over absolute paths: * within one name, ** across folders, ? one character.</summary>
    private static Func<string, bool> Glob(string glob)
    {
        if (!glob.StartsWith('/') || glob.Trim('/').Length == 0)
        {
            throw new StrataException($"--remove '{glob}': give an absolute path or glob below /, such as /opt/app/tests/**");
        }
        var pattern = new StringBuilder("^");
        var text = glob.Trim('/');
        for (var i = 0; i < text.Length; i++)
        {
            pattern.Append(text[i] switch
            {
                '*' when i + 1 < text.Length && text[i + 1] == '*' => Skip(ref i, ".*"),
                '*' => "[^/]*",
                '?' => "[^/]",
                var c => Regex.Escape(c.ToString()),
            });
        }
        var regex = new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return path => regex.IsMatch(path);

        static string Skip(ref int i, string replacement)
        {
            i++;
            return replacement;
        }
    }
}
