using Strata.Analysis.Model;

namespace Strata.Policy.Comparison;

/// <summary>The word reports use for a path's type.</summary>
public static class FileTypeNames
{
    public static string Of(EntryKind kind) => kind switch
    {
        EntryKind.File => "file",
        EntryKind.Directory => "directory",
        EntryKind.Symlink => "symlink",
        EntryKind.Hardlink => "hardlink",
        EntryKind.CharDevice => "char-device",
        EntryKind.BlockDevice => "block-device",
        EntryKind.Fifo => "fifo",
        _ => "whiteout",
    };
}
