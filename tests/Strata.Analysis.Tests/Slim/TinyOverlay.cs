using System.Formats.Tar;
using System.Text;

namespace Strata.Analysis.Tests.Slim;

/// <summary>What a path of a merged file system holds: for a hard link, its target's file.</summary>
internal sealed record OverlayNode(string Type, int Mode, int Uid, int Gid, string Content, string Link);

/// <summary>
/// A small overlay merge written for these tests alone, independent of Strata's MergedFileSystem: whiteouts and opaque
/// markers act on the layers below, a non-folder replaces whatever was at its path, hard links copy their target.
/// </summary>
internal static class TinyOverlay
{
    public static SortedDictionary<string, OverlayNode> Merge(IEnumerable<byte[]> tars) =>
        Merge(tars.Select(tar => (Func<Stream>)(() => new MemoryStream(tar, writable: false))));

    /// <summary>The merge of tars opened one after the other, for images too big to hold in memory.</summary>
    public static SortedDictionary<string, OverlayNode> Merge(IEnumerable<Func<Stream>> tars)
    {
        var fs = new SortedDictionary<string, OverlayNode>(StringComparer.Ordinal);
        foreach (var open in tars)
        {
            List<(string Name, OverlayNode Node)> entries;
            using (var tar = open())
            {
                entries = Read(tar);
            }
            foreach (var (name, _) in entries)
            {
                var file = name.Split('/')[^1];
                var parent = name.Contains('/') ? name[..name.LastIndexOf('/')] : "";
                if (file == ".wh..wh..opq")
                {
                    RemoveBelow(fs, parent);
                }
                else if (file.StartsWith(".wh.", StringComparison.Ordinal))
                {
                    var gone = parent.Length == 0 ? file[4..] : parent + "/" + file[4..];
                    fs.Remove(gone);
                    RemoveBelow(fs, gone);
                }
            }
            foreach (var (name, node) in entries)
            {
                if (name.Split('/')[^1].StartsWith(".wh.", StringComparison.Ordinal))
                {
                    continue;
                }
                var added = node.Type == "hardlink" ? fs[node.Link] : node;
                if (node.Type != "dir" && fs.TryGetValue(name, out var old) && old.Type == "dir")
                {
                    RemoveBelow(fs, name);
                }
                fs[name] = added;
            }
        }
        return fs;
    }

    /// <summary>A tar's entries in order, names without "./" or a trailing slash.</summary>
    public static List<(string Name, OverlayNode Node)> Read(byte[] tar) => Read(new MemoryStream(tar, writable: false));

    public static List<(string Name, OverlayNode Node)> Read(Stream tar)
    {
        var list = new List<(string, OverlayNode)>();
        using var reader = new TarReader(tar, leaveOpen: true);
        while (reader.GetNextEntry() is { } entry)
        {
            var name = entry.Name.TrimEnd('/');
            while (name.StartsWith("./", StringComparison.Ordinal) || name.StartsWith('/'))
            {
                name = name[(name[0] == '.' ? 2 : 1)..];
            }
            if (name == ".")
            {
                continue;
            }
            if (name.Length == 0)
            {
                continue;
            }
            var type = entry.EntryType switch
            {
                TarEntryType.Directory => "dir",
                TarEntryType.HardLink => "hardlink",
                TarEntryType.SymbolicLink => "symlink",
                TarEntryType.RegularFile or TarEntryType.V7RegularFile => "file",
                var other => other.ToString(),
            };
            var content = entry.DataStream is { } data ? Hash(data) : "";
            var link = type == "hardlink" ? entry.LinkName.TrimStart('/') : entry.LinkName;
            list.Add((name, new OverlayNode(type, (int)entry.Mode, entry.Uid, entry.Gid, content, type == "file" ? "" : link)));
        }
        return list;
    }

    public static string Hash(string content) => Hash(Encoding.UTF8.GetBytes(content));

    private static string Hash(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    private static string Hash(Stream data) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data));

    private static void RemoveBelow(SortedDictionary<string, OverlayNode> fs, string folder)
    {
        foreach (var path in fs.Keys.Where(p => folder.Length == 0 || p.StartsWith(folder + "/", StringComparison.Ordinal)).ToList())
        {
            fs.Remove(path);
        }
    }
}
