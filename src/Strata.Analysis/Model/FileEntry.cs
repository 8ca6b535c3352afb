namespace Strata.Analysis.Model;

public enum EntryKind : byte
{
    File,
    Directory,
    Symlink,
    Hardlink,
    CharDevice,
    BlockDevice,
    Fifo,

    /// <summary><c>.wh.NAME</c>: removes NAME from the layers below. <see cref="FileEntry.Path"/> is the removed path.</summary>
    Whiteout,

    /// <summary><c>.wh..wh..opq</c>: hides what the layers below hold in a folder. <see cref="FileEntry.Path"/> is that folder.</summary>
    OpaqueWhiteout,
}

public enum ChangeKind : byte
{
    Added,
    Modified,
    Removed,
    Unchanged,
}

/// <summary>Why a stored file's bytes are not visible in the final file system.</summary>
public enum DeathCause : byte
{
    None,
    Overwritten,
    WhitedOut,
    HiddenByOpaque,
    AncestorReplaced,
}

/// <summary>One tar entry of one layer, with its change against the layers below once the image is merged.</summary>
public sealed class FileEntry
{
    /// <summary>Normalised path without a leading slash (for whiteouts, the path they remove).</summary>
    public required string Path { get; init; }

    public required EntryKind Kind { get; init; }

    /// <summary>The tar type flag as a byte, <c>'0'</c> for regular files.</summary>
    public required byte TypeFlag { get; init; }

    /// <summary>The size the tar header gives (0 for everything but regular files).</summary>
    public required long Size { get; init; }

    public required int Mode { get; init; }

    public required int Uid { get; init; }

    public required int Gid { get; init; }

    /// <summary>A symlink's or hardlink's target as the tar header gives it.</summary>
    public string? LinkTarget
    {
        get => _link?.Target;
        init => _link = value is null ? null : new Link(value);
    }

    /// <summary>XxHash3 of a regular file's content.</summary>
    public ulong ContentHash { get; init; }

    public ChangeKind Change { get; internal set; }

    /// <summary>For a regular file: the layer that made its bytes invisible, or −1 while they are visible.</summary>
    public int KilledBy { get; internal set; } = -1;

    public DeathCause Cause { get; internal set; }

    /// <summary>For a hardlink: the regular file entry whose bytes it shares.</summary>
    internal FileEntry? HardlinkTarget
    {
        get => _link?.Stored;
        set
        {
            if (_link is null)
            {
                throw new InvalidOperationException($"{Path}: an entry without a link target cannot point to a stored file");
            }
            _link.Stored = value;
        }
    }

    // Links are few: their target and stored file share one object, so that every other entry is 8 bytes smaller
    // (72 bytes an entry instead of 80: 8 MB on a million-file image).
    private readonly Link? _link;

    private sealed class Link(string target)
    {
        public string Target { get; } = target;

        public FileEntry? Stored { get; set; }
    }

    /// <summary>Visible paths that show this regular file's bytes: itself and hardlinks to it.</summary>
    internal int LiveReferences { get; set; }

    public bool IsRegularFile => Kind == EntryKind.File;

    public bool IsDead => KilledBy >= 0;
}
