using Strata.Analysis.Model;

namespace Strata.Analysis.Export;

/// <summary>A tar mode as Go's <c>os.FileMode</c> renders it: the type in the high bits, as dive's JSON carries it.</summary>
internal static class GoFileMode
{
    private const uint ModeDir = 1u << 31;
    private const uint ModeSymlink = 1u << 27;
    private const uint ModeDevice = 1u << 26;
    private const uint ModeNamedPipe = 1u << 25;
    private const uint ModeSetuid = 1u << 23;
    private const uint ModeSetgid = 1u << 22;
    private const uint ModeCharDevice = 1u << 21;
    private const uint ModeSticky = 1u << 20;

    public static uint From(FileEntry entry)
    {
        var mode = (uint)entry.Mode & 0x1FF;
        if ((entry.Mode & 0x800) != 0)
        {
            mode |= ModeSetuid;
        }
        if ((entry.Mode & 0x400) != 0)
        {
            mode |= ModeSetgid;
        }
        if ((entry.Mode & 0x200) != 0)
        {
            mode |= ModeSticky;
        }
        return mode | entry.Kind switch
        {
            EntryKind.Directory => ModeDir,
            EntryKind.Symlink => ModeSymlink,
            EntryKind.CharDevice => ModeDevice | ModeCharDevice,
            EntryKind.BlockDevice => ModeDevice,
            EntryKind.Fifo => ModeNamedPipe,
            _ => 0u,
        };
    }
}
