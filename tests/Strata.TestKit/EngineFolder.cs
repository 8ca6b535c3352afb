using System.Diagnostics;
using System.Runtime.Versioning;

namespace Strata.TestKit;

/// <summary>Removes an engine's folder: mounts it left behind first, then files whatever their permissions.</summary>
[SupportedOSPlatform("linux")]
internal static class EngineFolder
{
    private const UnixFileMode Writable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void Delete(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }
        Unmount(folder);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            MakeWritable(folder);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>dockerd bind-mounts its data root onto itself and only unmounts it when it stops cleanly.</summary>
    private static void Unmount(string folder)
    {
        var mounts = File.ReadLines("/proc/self/mountinfo")
            .Select(line => line.Split(' ')[4])
            .Where(point => point == folder || point.StartsWith(folder + "/", StringComparison.Ordinal))
            .OrderByDescending(point => point.Length);
        foreach (var point in mounts)
        {
            using var umount = Process.Start("umount", ["--lazy", point]);
            umount.WaitForExit();
        }
    }

    private static void MakeWritable(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        File.SetUnixFileMode(folder, Writable);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options))
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }
            entry.UnixFileMode |= entry is DirectoryInfo ? Writable : UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
    }
}
