using System.Text;
using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers.Debian;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers;

/// <summary>
/// Debian packages: <c>/var/lib/dpkg/status</c> and distroless images' <c>/var/lib/dpkg/status.d/*</c>, with the
/// files each package installed from <c>info/NAME[:ARCH].list</c> (or status.d's <c>NAME.md5sums</c>) and the licences
/// its machine-readable <c>/usr/share/doc/NAME/copyright</c> declares.
/// </summary>
public sealed class DpkgCataloger : IPackageCataloger
{
    private const string Status = "var/lib/dpkg/status";
    private const string StatusFolder = "var/lib/dpkg/status.d/";
    private const string InfoFolder = "var/lib/dpkg/info/";
    private const string DocFolder = "usr/share/doc/";

    public string Name => "dpkg";

    public bool IsLanguage => false;

    public long MaxFileSize => 32L * 1024 * 1024;

    public bool WantsPath(string path) =>
        path == Status
        || InFolder(path, StatusFolder)
        || (InFolder(path, InfoFolder) && path.EndsWith(".list", StringComparison.Ordinal))
        || IsCopyright(path);

    /// <summary><c>usr/share/doc/NAME/copyright</c>: the licences, where the file is machine-readable.</summary>
    private static bool IsCopyright(string path) =>
        path.StartsWith(DocFolder, StringComparison.Ordinal)
        && path.EndsWith("/copyright", StringComparison.Ordinal)
        && path.IndexOf('/', DocFolder.Length) == path.Length - "/copyright".Length;

    public IEnumerable<Package> Catalog(CatalogContext context)
    {
        var lists = context.VisibleFiles
            .Where(f => InFolder(f.Path, InfoFolder))
            .GroupBy(f => f.Path[InfoFolder.Length..^".list".Length], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var md5sums = context.VisibleFiles
            .Where(f => InFolder(f.Path, StatusFolder) && f.Path.EndsWith(".md5sums", StringComparison.Ordinal))
            .GroupBy(f => f.Path[..^".md5sums".Length], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var copyrights = context.VisibleFiles
            .Where(f => IsCopyright(f.Path))
            .GroupBy(f => f.Path[DocFolder.Length..^"/copyright".Length], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var databases = context.Files
            .Where(f => f.Path == Status || (InFolder(f.Path, StatusFolder) && !f.Path.EndsWith(".md5sums", StringComparison.Ordinal)))
            .GroupBy(f => f.Path, StringComparer.Ordinal);
        var packages = new List<Package>();
        // A status file may name a package many times over (a hostile one, thousands): each .list, md5sums and
        // copyright file is read once, however many stanzas point at it.
        var read = new Dictionary<CapturedFile, IReadOnlyList<string>>(ReferenceEqualityComparer.Instance);
        // Packages built from one source ship the same copyright file each (perl, perl-base, libperl…): it is read once.
        var licensesByContent = new Dictionary<byte[], IReadOnlyList<string>>(SameContent.Instance);
        IReadOnlyList<string> LicensesOf(CapturedFile copyright)
        {
            if (!licensesByContent.TryGetValue(copyright.Content, out var licenses))
            {
                licenses = DebianCopyright.Licenses(Text(copyright));
                licensesByContent[copyright.Content] = licenses;
            }
            return licenses;
        }
        foreach (var versions in databases)
        {
            var ordered = versions.OrderBy(f => f.Layer).ToList();
            var visible = ordered.FindLastIndex(f => f.Visible);
            if (visible < 0)
            {
                continue;
            }
            var shown = ordered[visible];
            var entries = context.ReadOr(shown, [], () => DpkgStatus.Parse(Text(shown), message => context.Warn($"/{shown.Path}: {message}")));
            var history = new LayerHistory();
            foreach (var earlier in ordered.Take(visible))
            {
                history.Add(earlier.Layer, context.ReadOr(earlier, [], () => DpkgStatus.Parse(Text(earlier), null)).Select(e => e.Key));
            }
            history.Add(shown.Layer, entries.Select(e => e.Key));
            foreach (var entry in entries)
            {
                var files = shown.Path == Status
                    ? FilesFromList(context, entry, lists, read)
                    : FilesFromMd5sums(context, md5sums.GetValueOrDefault(shown.Path), read);
                var copyright = copyrights.GetValueOrDefault(entry.Name);
                var licenses = copyright is null ? [] : Once(read, copyright, () => context.ReadOr(copyright, [], () => LicensesOf(copyright)));
                packages.Add(ToPackage(entry, context.Os, context.Locate(history.OriginOf(entry.Key), shown.Path), files) with { Licenses = licenses });
            }
        }
        return packages;
    }

    private static Package ToPackage(DpkgEntry entry, OsInfo? os, PackageLocation location, IReadOnlyList<string> files) => new()
    {
        Ecosystem = "dpkg",
        Name = entry.Name,
        Version = entry.Version,
        Architecture = entry.Architecture,
        SourceName = entry.SourceName,
        SourceVersion = entry.SourceVersion,
        Purl = Purl(entry, os),
        Locations = [location],
        Files = files,
    };

    /// <summary>
    /// <c>pkg:deb/debian/libc6@2.36-9+deb12u14?arch=amd64&amp;distro=debian-12</c>. An epoch moves to the <c>epoch</c>
    /// qualifier, as for rpm and as Trivy writes deb purls; <see cref="Package.Version"/> keeps the whole Debian version.
    /// </summary>
    internal static string Purl(DpkgEntry entry, OsInfo? os)
    {
        var version = entry.Version;
        string? epoch = null;
        var colon = version.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && version[..colon].All(char.IsAsciiDigit))
        {
            epoch = version[..colon];
            version = version[(colon + 1)..];
        }
        return PackageUrl.Create("deb", os?.Id ?? "debian", entry.Name, version,
            [new("arch", entry.Architecture), new("epoch", epoch), new("distro", os?.Distro)]);
    }

    /// <summary>Multi-Arch: same packages keep <c>NAME:ARCH.list</c>, the others <c>NAME.list</c>.</summary>
    private static IReadOnlyList<string> Once(Dictionary<CapturedFile, IReadOnlyList<string>> read, CapturedFile file, Func<IReadOnlyList<string>> parse)
    {
        if (!read.TryGetValue(file, out var parsed))
        {
            parsed = parse();
            read[file] = parsed;
        }
        return parsed;
    }

    private static IReadOnlyList<string> FilesFromList(
        CatalogContext context, DpkgEntry entry, Dictionary<string, CapturedFile> lists, Dictionary<CapturedFile, IReadOnlyList<string>> read)
    {
        var list = (entry.Architecture is null ? null : lists.GetValueOrDefault($"{entry.Name}:{entry.Architecture}"))
            ?? lists.GetValueOrDefault(entry.Name);
        if (list is null)
        {
            return [];
        }
        return Once(read, list, () => context.ReadOr<IReadOnlyList<string>>(list, [], () => WithoutFolders(Text(list).Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith('/') && l != "/.")
            .ToList())));
    }

    /// <summary>Distroless status.d files have no .list beside them, but NAME.md5sums lists the package's files.</summary>
    private static IReadOnlyList<string> FilesFromMd5sums(
        CatalogContext context, CapturedFile? md5sums, Dictionary<CapturedFile, IReadOnlyList<string>> read) =>
        md5sums is null ? [] : Once(read, md5sums, () => context.ReadOr<IReadOnlyList<string>>(md5sums, [], () => FilesFromMd5sums(md5sums)));

    private static List<string> FilesFromMd5sums(CapturedFile md5sums)
    {
        var paths = new List<string>();
        foreach (var line in Text(md5sums).Split('\n'))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                var path = line[space..].Trim();
                if (path.Length > 0)
                {
                    paths.Add("/" + path.TrimStart('/'));
                }
            }
        }
        return paths;
    }

    /// <summary>
    /// A .list names the folders a package made as well as its files: keep the files. A path is a folder when another
    /// path lies under it; in ordinal order those paths follow <c>PATH/</c>, so one binary search per path finds them,
    /// whatever the depth (a path's ancestors are never cut out one by one).
    /// </summary>
    private static List<string> WithoutFolders(List<string> paths)
    {
        var sorted = paths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        bool IsFolder(string path)
        {
            var prefix = path + "/";
            var at = Array.BinarySearch(sorted, prefix, StringComparer.Ordinal);
            var next = at >= 0 ? at : ~at;
            return next < sorted.Length && sorted[next].StartsWith(prefix, StringComparison.Ordinal);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return paths.Where(p => seen.Add(p) && !IsFolder(p)).ToList();
    }

    private static bool InFolder(string path, string folder) =>
        path.Length > folder.Length && path.StartsWith(folder, StringComparison.Ordinal) && path.IndexOf('/', folder.Length) < 0;

    private static string Text(CapturedFile file) => Encoding.UTF8.GetString(file.Content);
}
