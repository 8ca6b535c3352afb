using System.IO.Compression;

namespace Strata.Sbom.Catalogers.Language;

/// <summary>
/// Reads one top-level Java archive and the archives nested in it (jar in war or ear, jar in jar) for Maven
/// coordinates, within <see cref="JavaArchiveLimits"/>. Problems inside are warned about by their nested path
/// (<c>/app.war!/WEB-INF/lib/x.jar</c>); the coordinates found are kept whatever happens later.
/// </summary>
internal sealed class JavaArchiveReader(JavaArchiveLimits limits, Action<string> warn)
{
    private long _inflated;
    private bool _warnedDepth;

    public List<MavenCoordinates> Found { get; } = [];

    /// <exception cref="InvalidDataException">The top-level archive is not a readable zip.</exception>
    /// <exception cref="ArchiveLimitException">It inflates to more than the limit.</exception>
    public void Read(byte[] archive, string path) => Read(archive, path, 0);

    private void Read(byte[] archive, string path, int depth)
    {
        using var zip = ZipEntries.Open(archive);
        if (zip.Entries.Count == 0)
        {
            warn($"{path}: an empty archive");
            return;
        }
        var fromPoms = new List<MavenCoordinates>();
        JarManifest? manifest = null;
        var nested = new List<ZipArchiveEntry>();
        foreach (var entry in zip.Entries)
        {
            if (JavaPaths.IsPomProperties(entry.FullName) && Metadata(entry, path) is { } pom)
            {
                if (MavenCoordinates.FromPom(JavaProperties.Parse(pom), entry.FullName) is { } coordinates)
                {
                    fromPoms.Add(coordinates);
                }
                else
                {
                    warn($"{path}!/{entry.FullName}: no artifactId or version");
                }
            }
            else if (JavaPaths.IsManifest(entry.FullName) && Metadata(entry, path) is { } text)
            {
                manifest = JarManifest.Parse(text);
            }
            else if (JavaPaths.IsArchive(entry.FullName) && !entry.FullName.EndsWith('/'))
            {
                nested.Add(entry);
            }
        }
        if (fromPoms.Count > 0)
        {
            Found.AddRange(fromPoms);
        }
        else if (MavenCoordinates.FromManifest(manifest, JavaPaths.FileName(path)) is { } coordinates)
        {
            Found.Add(coordinates);
        }
        foreach (var entry in nested)
        {
            ReadNested(entry, $"{path}!/{entry.FullName}", depth + 1);
        }
    }

    private void ReadNested(ZipArchiveEntry entry, string path, int depth)
    {
        if (depth > limits.MaxDepth)
        {
            if (!_warnedDepth)
            {
                warn($"{path}: archives nested more than {limits.MaxDepth} deep are not read");
                _warnedDepth = true;
            }
            return;
        }
        try
        {
            Read(Inflate(entry, path, limits.MaxInflated) ?? [], path, depth);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            warn($"{path}: not a readable archive ({e.Message})");
        }
    }

    /// <summary>A small metadata entry's text, or null (with a warning) when it is too large or not text.</summary>
    private string? Metadata(ZipArchiveEntry entry, string path)
    {
        try
        {
            var bytes = Inflate(entry, $"{path}!/{entry.FullName}", limits.MaxMetadataEntry);
            if (bytes is null)
            {
                warn($"{path}!/{entry.FullName}: larger than {limits.MaxMetadataEntry} bytes; skipped");
                return null;
            }
            return MetadataText.Decode(bytes);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or System.Text.DecoderFallbackException)
        {
            warn($"{path}!/{entry.FullName}: unreadable ({e.Message})");
            return null;
        }
    }

    /// <summary>The entry's bytes within <paramref name="cap"/>, or null beyond it; beyond the archive's inflate budget, it throws.</summary>
    private byte[]? Inflate(ZipArchiveEntry entry, string where, long cap)
    {
        var budget = limits.MaxInflated - _inflated;
        var bytes = ZipEntries.ReadAtMost(entry, Math.Min(cap, budget));
        if (bytes is null && budget <= cap)
        {
            throw new ArchiveLimitException(
                $"inflates to more than {limits.MaxInflated} bytes (at {where}); a zip bomb? read no further");
        }
        _inflated += bytes?.Length ?? 0;
        return bytes;
    }
}
