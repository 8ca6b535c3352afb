namespace Strata.Analysis.Advising.Size;

/// <summary>A kind of file a package manager or a build leaves behind, with where it lives and how not to keep it.</summary>
public sealed record CacheKind(string Name, string Fix);

/// <summary>Where package managers and builds keep caches and lists that an image does not need at run time.</summary>
public static class CachePaths
{
    public static readonly CacheKind AptLists = new("apt lists",
        "Remove them in the RUN that ran apt-get update: `apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*`, or use RUN --mount=type=cache,target=/var/lib/apt/lists");
    public static readonly CacheKind AptCache = new("apt cache",
        "Run `apt-get clean` (or rm -rf /var/cache/apt/*) in the same RUN as apt-get install, or use RUN --mount=type=cache,target=/var/cache/apt");
    public static readonly CacheKind ApkCache = new("apk cache", "Use `apk add --no-cache …`");
    public static readonly CacheKind YumCache = new("yum/dnf cache", "Run `dnf clean all` (or `yum clean all`) in the same RUN as the install");
    public static readonly CacheKind PipCache = new("pip cache", "Use `pip install --no-cache-dir …`, or RUN --mount=type=cache,target=/root/.cache/pip");
    public static readonly CacheKind NpmCache = new("npm cache", "Run `npm cache clean --force` in the same RUN as npm install (or npm ci), or use RUN --mount=type=cache,target=/root/.npm");
    public static readonly CacheKind GoBuildCache = new("Go build cache", "Build in a separate stage, or use RUN --mount=type=cache,target=/root/.cache/go-build");
    public static readonly CacheKind Temporary = new("temporary files", "Delete temporary files in the RUN that made them, or keep them out of the image (a build stage, RUN --mount=type=bind)");

    /// <summary>The cache a path (without a leading slash) belongs to, or null.</summary>
    public static CacheKind? Of(string path)
    {
        if (path.StartsWith("var/lib/apt/lists/", StringComparison.Ordinal))
        {
            return AptLists;
        }
        if (path.StartsWith("var/cache/apt/", StringComparison.Ordinal))
        {
            return AptCache;
        }
        if (path.StartsWith("var/cache/apk/", StringComparison.Ordinal) || path.StartsWith("etc/apk/cache/", StringComparison.Ordinal))
        {
            return ApkCache;
        }
        if (path.StartsWith("var/cache/yum/", StringComparison.Ordinal) || path.StartsWith("var/cache/dnf/", StringComparison.Ordinal))
        {
            return YumCache;
        }
        if (path.StartsWith("tmp/", StringComparison.Ordinal) || path.StartsWith("var/tmp/", StringComparison.Ordinal))
        {
            return Temporary;
        }
        return InHome(path) switch
        {
            { } rest when rest.StartsWith(".cache/pip/", StringComparison.Ordinal) => PipCache,
            { } rest when rest.StartsWith(".npm/", StringComparison.Ordinal) => NpmCache,
            { } rest when rest.StartsWith(".cache/go-build/", StringComparison.Ordinal) => GoBuildCache,
            _ => null,
        };
    }

    /// <summary>The path inside a home folder (root/… or home/USER/…), or null when it is in none.</summary>
    private static string? InHome(string path)
    {
        if (path.StartsWith("root/", StringComparison.Ordinal))
        {
            return path["root/".Length..];
        }
        if (path.StartsWith("home/", StringComparison.Ordinal))
        {
            var slash = path.IndexOf('/', "home/".Length);
            return slash < 0 ? null : path[(slash + 1)..];
        }
        return null;
    }
}
