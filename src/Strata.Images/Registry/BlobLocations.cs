using System.Text.Json;
using Strata.Images.Model;

namespace Strata.Images.Registry;

/// <summary>
/// Which repositories of a registry are known to hold a blob, learnt from pulls and pushes and kept in one small
/// file beside the blob cache, so that a later push can mount a blob from there instead of uploading it (as skopeo's
/// blob info cache does). Only an optimisation: a file that cannot be read or written is ignored.
/// </summary>
internal sealed class BlobLocations(string? path)
{
    private const int MaxRepositoriesPerBlob = 4;
    private const int MaxBlobs = 20_000;
    private const long MaxFileBytes = 16 * 1024 * 1024;

    private readonly object _lock = new();
    private readonly Dictionary<string, List<string>> _added = new(StringComparer.Ordinal);
    private Dictionary<string, List<string>>? _known;

    public void Remember(string registry, string repository, Digest digest)
    {
        if (path is null)
        {
            return;
        }
        lock (_lock)
        {
            Add(_added, Key(registry, digest), repository);
            Add(Known(), Key(registry, digest), repository);
        }
    }

    /// <summary>A repository of <paramref name="registry"/> other than <paramref name="repository"/> known to hold the blob, or null.</summary>
    public string? Elsewhere(string registry, string repository, Digest digest)
    {
        if (path is null)
        {
            return null;
        }
        lock (_lock)
        {
            return Known().TryGetValue(Key(registry, digest), out var repositories)
                ? repositories.LastOrDefault(r => r != repository)
                : null;
        }
    }

    /// <summary>Merges what this run learnt into the file as it is now (another run may have written meanwhile).</summary>
    public void Save()
    {
        if (path is null)
        {
            return;
        }
        lock (_lock)
        {
            if (_added.Count == 0)
            {
                return;
            }
            var merged = Load(path);
            foreach (var (key, repositories) in _added)
            {
                foreach (var repository in repositories)
                {
                    Add(merged, key, repository);
                }
            }
            foreach (var stale in merged.Keys.Take(Math.Max(0, merged.Count - MaxBlobs)).ToList())
            {
                merged.Remove(stale);
            }
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                Output.AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, merged));
                _added.Clear();
            }
            catch (Exception e) when (e is StrataException or IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    private Dictionary<string, List<string>> Known() => _known ??= Load(path!);

    private static Dictionary<string, List<string>> Load(string path)
    {
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists || (file.Attributes & FileAttributes.ReparsePoint) != 0 || file.Length > MaxFileBytes)
            {
                return new(StringComparer.Ordinal);
            }
            using var stream = file.OpenRead();
            var loaded = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(stream);
            return loaded is null ? new(StringComparer.Ordinal) : new(loaded.Where(e => e.Value is not null), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new(StringComparer.Ordinal);
        }
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string repository)
    {
        if (!map.TryGetValue(key, out var repositories))
        {
            map[key] = repositories = [];
        }
        repositories.Remove(repository);
        repositories.Add(repository);
        if (repositories.Count > MaxRepositoriesPerBlob)
        {
            repositories.RemoveAt(0);
        }
    }

    private static string Key(string registry, Digest digest) => $"{registry} {digest}";
}
