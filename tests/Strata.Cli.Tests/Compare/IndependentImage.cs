using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Strata.Cli.Tests.Compare;

/// <summary>What a path of a final file system is, read here without Strata: type, size, mode, owner, link target, SHA-256.</summary>
internal sealed record IndependentEntry(TarEntryType Type, long Size, UnixFileMode Mode, int Uid, int Gid, string? LinkTarget, string? Sha256)
{
    /// <summary>Shown through a hard link: the same stored bytes as another path, not bytes of its own.</summary>
    public bool ThroughHardlink { get; init; }

    /// <summary>What a container sees there, whichever way it got there.</summary>
    public object Seen => (Type, Size, Mode, Uid, Gid, LinkTarget, Sha256);
}

/// <summary>
/// One image of an OCI layout read with .NET's JSON, gzip and tar readers only, as the OCI image spec says: the
/// manifest the index names by tag, its config's diff_ids and history, the layers' sizes, and the final file system
/// merged with the spec's whiteout rules (whiteouts of a layer first, then its entries in order; a hard link shows
/// the file it links to; a folder named only by the paths below it is a 0755 folder owned by root).
/// </summary>
internal sealed class IndependentImage
{
    private IndependentImage(string layout, JsonElement manifest, JsonElement config)
    {
        var layers = manifest.GetProperty("layers").EnumerateArray().ToList();
        CompressedSizes = layers.Select(l => l.GetProperty("size").GetInt64()).ToList();
        LayerDigests = layers.Select(l => l.GetProperty("digest").GetString()!).ToList();
        DiffIds = config.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()!).ToList();
        // Only history entries that made a layer line up with the layers.
        LayerCommands = config.GetProperty("history").EnumerateArray()
            .Where(h => !(h.TryGetProperty("empty_layer", out var empty) && empty.GetBoolean()))
            .Select(h => h.TryGetProperty("created_by", out var by) ? by.GetString() : null)
            .ToList();
        var files = new Dictionary<string, IndependentEntry>(StringComparer.Ordinal);
        long uncompressed = 0;
        long stored = 0;
        foreach (var digest in LayerDigests)
        {
            var tar = Gunzip(Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]));
            uncompressed += tar.Length;
            stored += Apply(files, tar);
        }
        UncompressedSize = uncompressed;
        FinalFiles = files;
        // Dead bytes: every regular file's bytes stored in a layer, less the bytes of the files the final file system shows.
        DeadBytes = stored - files.Values.Where(f => f.Type == TarEntryType.RegularFile && !f.ThroughHardlink).Sum(f => f.Size);
    }

    public IReadOnlyList<long> CompressedSizes { get; }

    public IReadOnlyList<string> LayerDigests { get; }

    public IReadOnlyList<string> DiffIds { get; }

    public IReadOnlyList<string?> LayerCommands { get; }

    public long UncompressedSize { get; }

    public long DeadBytes { get; }

    /// <summary>Every path of the final file system, without a leading slash.</summary>
    public IReadOnlyDictionary<string, IndependentEntry> FinalFiles { get; }

    public static IndependentImage Read(string layout, string tag)
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(layout, "index.json")));
        var manifestDigest = index.RootElement.GetProperty("manifests").EnumerateArray()
            .Single(m => m.GetProperty("annotations").GetProperty("org.opencontainers.image.ref.name").GetString() == tag)
            .GetProperty("digest").GetString()!;
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Blob(layout, manifestDigest)));
        using var config = JsonDocument.Parse(File.ReadAllBytes(Blob(layout, manifest.RootElement.GetProperty("config").GetProperty("digest").GetString()!)));
        return new IndependentImage(layout, manifest.RootElement.Clone(), config.RootElement.Clone());
    }

    private static string Blob(string layout, string digest) => Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]);

    private static byte[] Gunzip(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new MemoryStream();
        gzip.CopyTo(tar);
        return tar.ToArray();
    }

    /// <summary>Applies one layer; returns the bytes of the regular files it stores.</summary>
    private static long Apply(Dictionary<string, IndependentEntry> files, byte[] tar)
    {
        var entries = new List<(string Path, TarEntry Entry, long Length, string? Sha256)>();
        using (var reader = new TarReader(new MemoryStream(tar)))
        {
            while (reader.GetNextEntry(copyData: false) is { } entry)
            {
                var hash = entry.DataStream is { } data ? Convert.ToHexStringLower(SHA256.HashData(data)) : null;
                entries.Add((Normalise(entry.Name), entry, entry.Length, hash));
            }
        }
        foreach (var (path, _, _, _) in entries)
        {
            var name = path[(path.LastIndexOf('/') + 1)..];
            var folder = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
            if (name == ".wh..wh..opq")
            {
                RemoveBelow(files, folder);
            }
            else if (name.StartsWith(".wh.", StringComparison.Ordinal))
            {
                var removed = folder.Length == 0 ? name[4..] : folder + "/" + name[4..];
                files.Remove(removed);
                RemoveBelow(files, removed);
            }
        }
        long stored = 0;
        foreach (var (path, entry, length, hash) in entries)
        {
            if (path.Length == 0 || path[(path.LastIndexOf('/') + 1)..].StartsWith(".wh.", StringComparison.Ordinal))
            {
                continue;
            }
            AddParents(files, path);
            if (entry.EntryType == TarEntryType.HardLink)
            {
                files[path] = files.TryGetValue(Normalise(entry.LinkName), out var target) && target.Type == TarEntryType.RegularFile
                    ? target with { ThroughHardlink = true }
                    : new IndependentEntry(TarEntryType.HardLink, 0, entry.Mode, entry.Uid, entry.Gid, entry.LinkName, null);
                continue;
            }
            var type = entry.EntryType is TarEntryType.V7RegularFile or TarEntryType.ContiguousFile ? TarEntryType.RegularFile : entry.EntryType;
            if (type != TarEntryType.Directory)
            {
                RemoveBelow(files, path);
            }
            var size = type == TarEntryType.RegularFile ? length : 0;
            stored += size;
            files[path] = new IndependentEntry(type, size, entry.Mode, entry.Uid, entry.Gid, type == TarEntryType.SymbolicLink ? entry.LinkName : null, hash);
        }
        return stored;
    }

    private static string Normalise(string name)
    {
        var path = name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name;
        return path.Trim('/');
    }

    private static void AddParents(Dictionary<string, IndependentEntry> files, string path)
    {
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            var parent = path[..slash];
            if (!files.TryGetValue(parent, out var entry) || entry.Type != TarEntryType.Directory)
            {
                files[parent] = new IndependentEntry(TarEntryType.Directory, 0, (UnixFileMode)0x1ED, 0, 0, null, null);
            }
        }
    }

    private static void RemoveBelow(Dictionary<string, IndependentEntry> files, string folder)
    {
        var prefix = folder.Length == 0 ? "" : folder + "/";
        foreach (var path in files.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && p != folder).ToList())
        {
            files.Remove(path);
        }
    }
}
