using System.Text;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers;

/// <summary>Alpine (and other apk-based) packages from <c>/lib/apk/db/installed</c>, with origin, licence and files.</summary>
public sealed class ApkCataloger : IPackageCataloger
{
    /// <summary>apk's database; merged-/usr systems (newer Alpine, Wolfi) may keep it under /usr.</summary>
    private static readonly string[] Databases = ["lib/apk/db/installed", "usr/lib/apk/db/installed"];

    public string Name => "apk";

    public bool IsLanguage => false;

    public long MaxFileSize => 64L * 1024 * 1024;

    public bool WantsPath(string path) => Databases.Contains(path, StringComparer.Ordinal);

    public IEnumerable<Package> Catalog(CatalogContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return Databases.SelectMany(path => Catalog(context, path)).Where(p => seen.Add(p.Purl)).ToList();
    }

    private static IEnumerable<Package> Catalog(CatalogContext context, string path)
    {
        var ordered = context.Files.Where(f => f.Path == path).OrderBy(f => f.Layer).ToList();
        var visible = ordered.FindLastIndex(f => f.Visible);
        if (visible < 0)
        {
            return [];
        }
        var shown = ordered[visible];
        var entries = context.ReadOr(shown, [], () => ApkDatabase.Parse(Encoding.UTF8.GetString(shown.Content), message => context.Warn($"/{shown.Path}: {message}")));
        var history = new LayerHistory();
        foreach (var earlier in ordered.Take(visible))
        {
            history.Add(earlier.Layer, context.ReadOr(earlier, [], () => ApkDatabase.Parse(Encoding.UTF8.GetString(earlier.Content), null)).Select(e => e.Key));
        }
        history.Add(shown.Layer, entries.Select(e => e.Key));
        return entries.Select(e => new Package
        {
            Ecosystem = "apk",
            Name = e.Name,
            Version = e.Version,
            Architecture = e.Architecture,
            SourceName = e.Origin ?? e.Name,
            SourceVersion = e.Version,
            Licenses = e.License is null ? [] : [e.License],
            Purl = Purl(e, context.Os),
            Locations = [context.Locate(history.OriginOf(e.Key), shown.Path)],
            Files = e.Files,
        }).ToList();
    }

    /// <summary><c>pkg:apk/alpine/musl@1.2.4-r0?arch=x86_64&amp;distro=alpine-3.18.0</c>.</summary>
    internal static string Purl(ApkEntry entry, OsInfo? os) => PackageUrl.Create(
        "apk",
        os?.Id ?? "alpine",
        entry.Name,
        entry.Version,
        [new("arch", entry.Architecture), new("distro", os?.Distro)]);
}
