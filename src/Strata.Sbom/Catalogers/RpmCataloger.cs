using Strata.Sbom.Capture;
using Strata.Sbom.Catalogers.Rpm;
using Strata.Sbom.Model;

namespace Strata.Sbom.Catalogers;

/// <summary>
/// Red Hat family and SUSE packages from rpm's database, whichever backend wrote it: SQLite (<c>rpmdb.sqlite</c>),
/// Berkeley DB (<c>Packages</c>) or NDB (<c>Packages.db</c>), in <c>/var/lib/rpm</c> or <c>/usr/lib/sysimage/rpm</c>.
/// </summary>
public sealed class RpmCataloger : IPackageCataloger
{
    private static readonly string[] Folders = ["var/lib/rpm/", "usr/lib/sysimage/rpm/"];

    /// <summary>The database files rpm reads, the backend it prefers first, when a folder holds several.</summary>
    private static readonly string[] Databases = ["rpmdb.sqlite", "Packages.db", "Packages"];

    private const string Wal = "rpmdb.sqlite-wal";

    private const int MaxHeaderWarnings = 10;

    public string Name => "rpm";

    public bool IsLanguage => false;

    /// <summary>
    /// The database is held whole while it is read: 128 MiB is several times the largest real one (a few thousand
    /// packages); a larger file is skipped with a warning rather than risk memory.
    /// </summary>
    public long MaxFileSize => 128L * 1024 * 1024;

    public bool WantsPath(string path)
    {
        foreach (var folder in Folders)
        {
            if (path.StartsWith(folder, StringComparison.Ordinal))
            {
                var file = path[folder.Length..];
                return file == Wal || Databases.Contains(file, StringComparer.Ordinal);
            }
        }
        return false;
    }

    public IEnumerable<Package> Catalog(CatalogContext context)
    {
        var packages = new List<Package>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in Folders)
        {
            // Stale files of a former backend may stay beside the current one: read the one rpm would.
            var path = Databases.Select(d => folder + d).FirstOrDefault(p => context.VisibleFiles.Any(f => f.Path == p));
            if (path is null)
            {
                continue;
            }
            foreach (var package in Catalog(context, path))
            {
                if (seen.Add(package.Purl))
                {
                    packages.Add(package);
                }
            }
        }
        return packages;
    }

    private static List<Package> Catalog(CatalogContext context, string path)
    {
        var ordered = context.Files.Where(f => f.Path == path).OrderBy(f => f.Layer).ToList();
        var visible = ordered.FindLastIndex(f => f.Visible);
        var shown = ordered[visible];
        var entries = Read(context, shown, message => context.Warn($"/{shown.Path}: {message}"));
        var history = new LayerHistory();
        foreach (var earlier in ordered.Take(visible))
        {
            history.Add(earlier.Layer, Read(context, earlier, null).Select(e => e.Key));
        }
        history.Add(shown.Layer, entries.Select(e => e.Key));
        return entries.Select(e => new Package
        {
            Ecosystem = "rpm",
            Name = e.Name,
            Version = e.FullVersion,
            Architecture = e.Architecture,
            SourceName = SourceRpm.Parse(e.SourceRpm)?.Name ?? e.Name,
            SourceVersion = SourceRpm.Parse(e.SourceRpm)?.Version ?? $"{e.Version}-{e.Release}",
            Licenses = string.IsNullOrWhiteSpace(e.License) ? [] : [e.License.Trim()],
            Purl = Purl(e, context.Os),
            Locations = [context.Locate(history.OriginOf(e.Key), shown.Path)],
            Files = e.Files,
        }).ToList();
    }

    /// <summary>The packages of one stored version of a database; what cannot be read is warned about and skipped.</summary>
    internal static List<RpmEntry> Read(CatalogContext context, CapturedFile file, Action<string>? warn)
    {
        List<byte[]> blobs;
        try
        {
            blobs = Blobs(context, file, warn);
        }
        catch (Exception e) when (CatalogFailure.IsCaught(e))
        {
            warn?.Invoke($"{CatalogFailure.Describe(e)}; no packages read");
            return [];
        }
        var entries = new List<RpmEntry>();
        var unreadable = 0;
        var budget = new FileNameBudget();
        for (var i = 0; i < blobs.Count; i++)
        {
            try
            {
                var entry = RpmHeader.Parse(blobs[i], budget);
                // The keys rpm imported are in the database as packages named gpg-pubkey; they install nothing.
                if (entry.Name != "gpg-pubkey")
                {
                    entries.Add(entry);
                }
            }
            catch (Exception e) when (CatalogFailure.IsCaught(e))
            {
                // A hostile database may hold a million broken headers: the first few are named, the rest counted.
                if (++unreadable <= MaxHeaderWarnings)
                {
                    warn?.Invoke($"header {i + 1} of {blobs.Count}: {CatalogFailure.Describe(e)}; skipped");
                }
            }
        }
        if (unreadable > MaxHeaderWarnings)
        {
            warn?.Invoke($"{unreadable - MaxHeaderWarnings} more unreadable headers skipped");
        }
        if (budget.Exhausted)
        {
            warn?.Invoke(budget.Warning);
        }
        return entries;
    }

    private static List<byte[]> Blobs(CatalogContext context, CapturedFile file, Action<string>? warn)
    {
        var content = file.Content;
        if (SqliteRpmDb.LooksLike(content))
        {
            var walPath = file.Path[..(file.Path.LastIndexOf('/') + 1)] + Wal;
            var wal = context.Files.FirstOrDefault(f => f.Path == walPath && f.Layer == file.Layer);
            return SqliteRpmDb.Values(content, wal?.Content, warn);
        }
        if (NdbPackages.LooksLike(content))
        {
            return NdbPackages.Values(content);
        }
        if (BerkeleyDbHash.LooksLike(content))
        {
            // rpm keeps its next package number under key 0; the packages are under their numbers.
            return BerkeleyDbHash.Items(content).Where(i => i.Key is not [0, 0, 0, 0]).Select(i => i.Value).ToList();
        }
        throw new InvalidDataException(content.Length == 0 ? "the file is empty" : "neither SQLite, NDB nor Berkeley DB hash");
    }

    /// <summary>
    /// <c>pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=i386&amp;distro=fedora-25</c>, the epoch as a qualifier. The namespace is
    /// the OS's id; without one, the vendor's.
    /// </summary>
    internal static string Purl(RpmEntry entry, OsInfo? os) => PackageUrl.Create(
        "rpm",
        os?.Id ?? VendorNamespace(entry.Vendor),
        entry.Name,
        $"{entry.Version}-{entry.Release}",
        [new("arch", entry.Architecture), new("epoch", entry.Epoch?.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("distro", os?.Distro)]);

    private static string? VendorNamespace(string? vendor)
    {
        if (string.IsNullOrWhiteSpace(vendor))
        {
            return null;
        }
        var known = new (string Word, string Namespace)[]
        {
            ("Red Hat", "redhat"), ("Fedora", "fedora"), ("CentOS", "centos"), ("Rocky", "rocky"), ("AlmaLinux", "almalinux"),
            ("Amazon", "amzn"), ("Oracle", "oracle"), ("openSUSE", "opensuse"), ("SUSE", "suse"), ("Mariner", "mariner"),
        };
        return known.FirstOrDefault(k => vendor.Contains(k.Word, StringComparison.OrdinalIgnoreCase)).Namespace;
    }
}
