using System.Buffers.Binary;
using System.Text;

namespace Strata.Sbom.Catalogers.Rpm;

/// <summary>An installed package as its rpm header describes it.</summary>
internal sealed record RpmEntry(
    string Name, string Version, string Release, int? Epoch, string? Architecture, string? SourceRpm, string? License, string? Vendor,
    IReadOnlyList<string> Files)
{
    /// <summary><c>[epoch:]version-release</c>.</summary>
    public string FullVersion => (Epoch is { } e ? $"{e}:" : "") + $"{Version}-{Release}";

    public string Key => LayerHistory.Key(Name, FullVersion, Architecture);
}

/// <summary>
/// Reads the header blob an rpm database stores for each package: index count and data length (big-endian),
/// 16-byte index entries (tag, type, offset, count), then the data they point into.
/// </summary>
internal static class RpmHeader
{
    private const int TagName = 1000, TagVersion = 1001, TagRelease = 1002, TagEpoch = 1003, TagLicense = 1014, TagVendor = 1011;
    private const int TagArch = 1022, TagOldFileNames = 1027, TagFileModes = 1030, TagSourceRpm = 1044;
    private const int TagDirIndexes = 1116, TagBaseNames = 1117, TagDirNames = 1118;
    private const int TypeInt16 = 3, TypeInt32 = 4, TypeString = 6, TypeStringArray = 8, TypeI18nString = 9;

    /// <summary>Header blobs rpm accepts stay well below these (rpm's own hdrchk limits).</summary>
    private const int MaxEntries = 0xFFFF, MaxData = 256 * 1024 * 1024;

    private readonly record struct IndexEntry(int Type, int Offset, int Count);

    /// <summary>The package, or the reason the blob is not a header rpm could have written.</summary>
    public static RpmEntry Parse(ReadOnlySpan<byte> blob, FileNameBudget? budget = null)
    {
        if (blob.Length < 8)
        {
            throw new InvalidDataException($"header blob of {blob.Length} bytes is too short");
        }
        var count = BinaryPrimitives.ReadInt32BigEndian(blob);
        var length = BinaryPrimitives.ReadInt32BigEndian(blob[4..]);
        if (count <= 0 || count > MaxEntries || length < 0 || length > MaxData || 8L + (16L * count) + length > blob.Length)
        {
            throw new InvalidDataException($"header claims {count} entries and {length} data bytes in a {blob.Length}-byte blob");
        }
        var data = blob.Slice(8 + (16 * count), length);
        var index = new Dictionary<int, IndexEntry>();
        for (var i = 0; i < count; i++)
        {
            var entry = blob.Slice(8 + (16 * i), 16);
            var tag = BinaryPrimitives.ReadInt32BigEndian(entry);
            var type = BinaryPrimitives.ReadInt32BigEndian(entry[4..]);
            var offset = BinaryPrimitives.ReadInt32BigEndian(entry[8..]);
            var items = BinaryPrimitives.ReadInt32BigEndian(entry[12..]);
            if (offset < 0 || offset >= length || items < 0)
            {
                continue;
            }
            index[tag] = new IndexEntry(type, offset, items);
        }
        var name = String(data, index, TagName) ?? throw new InvalidDataException("header has no NAME");
        var version = String(data, index, TagVersion) ?? throw new InvalidDataException($"package '{name}' has no VERSION");
        var release = String(data, index, TagRelease) ?? throw new InvalidDataException($"package '{name}' has no RELEASE");
        var epoch = Int32s(data, index, TagEpoch) is [var e, ..] ? e : (int?)null;
        return new RpmEntry(
            name, version, release, epoch, String(data, index, TagArch), String(data, index, TagSourceRpm),
            String(data, index, TagLicense), String(data, index, TagVendor), Files(data, index, budget ?? new FileNameBudget()));
    }

    /// <summary>DIRNAMES[DIRINDEXES[i]] + BASENAMES[i] (or the old OLDFILENAMES), without the folders (FILEMODES).</summary>
    private static List<string> Files(ReadOnlySpan<byte> data, Dictionary<int, IndexEntry> index, FileNameBudget budget)
    {
        var names = Strings(data, index, TagBaseNames);
        var folders = Strings(data, index, TagDirNames);
        var folderIndexes = Int32s(data, index, TagDirIndexes);
        List<string> paths;
        if (names.Count > 0 && names.Count == folderIndexes.Count)
        {
            paths = new List<string>(names.Count);
            for (var i = 0; i < names.Count; i++)
            {
                var folder = folderIndexes[i] >= 0 && folderIndexes[i] < folders.Count ? folders[folderIndexes[i]] : "/";
                if (!budget.Take(folder.Length + names[i].Length))
                {
                    break;
                }
                paths.Add(folder + names[i]);
            }
        }
        else
        {
            paths = Strings(data, index, TagOldFileNames);
        }
        var modes = Int16s(data, index, TagFileModes);
        if (modes.Count == paths.Count && !budget.Exhausted)
        {
            paths = paths.Where((_, i) => (modes[i] & 0xF000) != 0x4000).ToList();
        }
        return paths;
    }

    private static string? String(ReadOnlySpan<byte> data, Dictionary<int, IndexEntry> index, int tag)
    {
        if (!index.TryGetValue(tag, out var entry) || entry.Type is not (TypeString or TypeI18nString or TypeStringArray))
        {
            return null;
        }
        var rest = data[entry.Offset..];
        var end = rest.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
    }

    private static List<string> Strings(ReadOnlySpan<byte> data, Dictionary<int, IndexEntry> index, int tag)
    {
        var values = new List<string>();
        if (!index.TryGetValue(tag, out var entry) || entry.Type is not (TypeStringArray or TypeString))
        {
            return values;
        }
        var rest = data[entry.Offset..];
        for (var i = 0; i < entry.Count && rest.Length > 0; i++)
        {
            var end = rest.IndexOf((byte)0);
            if (end < 0)
            {
                throw new InvalidDataException($"string array of tag {tag} runs past the header's data");
            }
            values.Add(Encoding.UTF8.GetString(rest[..end]));
            rest = rest[(end + 1)..];
        }
        return values;
    }

    private static List<int> Int32s(ReadOnlySpan<byte> data, Dictionary<int, IndexEntry> index, int tag)
    {
        var values = new List<int>();
        if (index.TryGetValue(tag, out var entry) && entry.Type == TypeInt32 && entry.Offset + (4L * entry.Count) <= data.Length)
        {
            for (var i = 0; i < entry.Count; i++)
            {
                values.Add(BinaryPrimitives.ReadInt32BigEndian(data[(entry.Offset + (4 * i))..]));
            }
        }
        return values;
    }

    private static List<int> Int16s(ReadOnlySpan<byte> data, Dictionary<int, IndexEntry> index, int tag)
    {
        var values = new List<int>();
        if (index.TryGetValue(tag, out var entry) && entry.Type == TypeInt16 && entry.Offset + (2L * entry.Count) <= data.Length)
        {
            for (var i = 0; i < entry.Count; i++)
            {
                values.Add(BinaryPrimitives.ReadUInt16BigEndian(data[(entry.Offset + (2 * i))..]));
            }
        }
        return values;
    }
}
