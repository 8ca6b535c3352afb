using Strata.Analysis.Slim;
using Strata.Images;

namespace Strata.Cli.Commands;

/// <summary>The opted-in removals of <c>strata slim</c>, from --drop, --keep-locale and --remove, checked and mapped to <see cref="PathRemovals"/>.</summary>
internal static class SlimRemovals
{
    public static readonly string[] DropChoices = ["caches", "docs", "locales"];

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
        if (settings.Remove.FirstOrDefault(g => !g.StartsWith('/')) is { } relative)
        {
            throw new StrataException($"--remove '{relative}': give an absolute path or glob below /, such as /opt/app/tests/**");
        }
        var removals = new List<PathRemoval>();
        foreach (var drop in DropChoices.Where(drops.Contains))
        {
            removals.Add(drop switch
            {
                "caches" => PathRemovals.Caches,
                "docs" => PathRemovals.Docs,
                _ => PathRemovals.Locales(settings.KeepLocales),
            });
        }
        removals.AddRange(settings.Remove.Select(PathRemovals.Glob));
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
}
