using Strata.Analysis.Model;

namespace Strata.Analysis.Proof;

/// <summary>
/// What a path of the final file system looks like from inside a container: what the proof of <c>strata slim</c>
/// compares. A hard link is the file it shares bytes with (its size and content hash); an implied folder, one only
/// named by the paths below it, is what extraction makes of it: 0755, owned by root.
/// </summary>
public readonly record struct FinalEntry(EntryKind Kind, int Mode, int Uid, int Gid, long Size, ulong ContentHash, string? LinkTarget)
{
    public static readonly FinalEntry ImpliedDirectory = new(EntryKind.Directory, 0x1ED, 0, 0, 0, 0, null);

    public static FinalEntry Of(FileEntry entry) => new(
        entry.Kind,
        entry.Mode,
        entry.Uid,
        entry.Gid,
        entry.Kind == EntryKind.File ? entry.Size : 0,
        entry.Kind == EntryKind.File ? entry.ContentHash : 0,
        entry.Kind == EntryKind.Symlink ? entry.LinkTarget : null);

    /// <summary>The differences from <paramref name="other"/>, named by field, for the error that lists them.</summary>
    public string Difference(FinalEntry other)
    {
        var fields = new List<string>();
        Add(Kind != other.Kind, $"type {Kind} → {other.Kind}");
        Add(Mode != other.Mode, $"mode {Convert.ToString(Mode, 8)} → {Convert.ToString(other.Mode, 8)}");
        Add(Uid != other.Uid, $"uid {Uid} → {other.Uid}");
        Add(Gid != other.Gid, $"gid {Gid} → {other.Gid}");
        Add(Size != other.Size, $"size {Size} → {other.Size}");
        Add(Size == other.Size && ContentHash != other.ContentHash, "content");
        Add(LinkTarget != other.LinkTarget, $"link target '{LinkTarget}' → '{other.LinkTarget}'");
        return string.Join(", ", fields);

        void Add(bool differs, string text)
        {
            if (differs)
            {
                fields.Add(text);
            }
        }
    }
}
