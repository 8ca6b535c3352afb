using Strata.Analysis.Model;
using Strata.Analysis.Proof;

namespace Strata.Policy.Comparison;

/// <summary>A path of one image's final file system: its type and, for a regular file, its size.</summary>
public sealed record FileItem(string Path, EntryKind Kind, long Size);

/// <summary>
/// A path both final file systems hold that differs: each side's type and size, and what differs, as words of
/// <see cref="FileComparison.Aspects"/>.
/// </summary>
public sealed record FileChange(string Path, EntryKind KindBefore, EntryKind KindAfter, long SizeBefore, long SizeAfter, IReadOnlyList<string> Differences);

/// <summary>
/// The final file systems (what a container of each image sees) compared path by path. A path is changed when its
/// type, size, content (XxHash3 of the bytes), mode, owner (uid or gid) or symlink target differs; modification
/// times are not compared, since every rebuild changes them. A hard link counts as the file it shares bytes with.
/// Lists are in ordinal path order; paths have no leading slash.
/// </summary>
public sealed record FileComparison(IReadOnlyList<FileItem> Added, IReadOnlyList<FileItem> Removed, IReadOnlyList<FileChange> Changed)
{
    /// <summary>The words a change's <see cref="FileChange.Differences"/> uses, in this order.</summary>
    public static readonly IReadOnlyList<string> Aspects = ["type", "size", "content", "mode", "owner", "link target"];

    public static FileComparison Of(ImageAnalysis before, ImageAnalysis after)
    {
        var beforeFiles = FinalFileSystem.Of(before.Layers).Entries();
        var afterFiles = FinalFileSystem.Of(after.Layers).Entries();
        var removed = new List<FileItem>();
        var changed = new List<FileChange>();
        foreach (var (path, entry) in beforeFiles)
        {
            if (!afterFiles.TryGetValue(path, out var now))
            {
                removed.Add(new FileItem(path, entry.Kind, entry.Size));
            }
            else if (entry != now)
            {
                changed.Add(new FileChange(path, entry.Kind, now.Kind, entry.Size, now.Size, Differences(entry, now)));
            }
        }
        var added = afterFiles.Where(p => !beforeFiles.ContainsKey(p.Key)).Select(p => new FileItem(p.Key, p.Value.Kind, p.Value.Size)).ToList();
        return new FileComparison(added, removed, changed);
    }

    private static List<string> Differences(FinalEntry before, FinalEntry after)
    {
        var differs = new[]
        {
            before.Kind != after.Kind,
            before.Size != after.Size,
            before.Size == after.Size && before.ContentHash != after.ContentHash,
            before.Mode != after.Mode,
            before.Uid != after.Uid || before.Gid != after.Gid,
            before.LinkTarget != after.LinkTarget,
        };
        return Aspects.Where((_, i) => differs[i]).ToList();
    }
}
