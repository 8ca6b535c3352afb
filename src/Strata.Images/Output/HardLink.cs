using System.Runtime.InteropServices;
using System.Text;

namespace Strata.Images.Output;

/// <summary>Hard links through libc's <c>link</c>, which .NET does not offer; where there is none, callers copy.</summary>
internal static class HardLink
{
    /// <summary>
    /// Gives the file at <paramref name="existing"/> a second name, <paramref name="link"/> (which must not exist).
    /// False when that cannot be done: another file system, one without hard links, no permission, or Windows.
    /// </summary>
    public static bool TryCreate(string existing, string link)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return false;
        }
        try
        {
            return Link(NullTerminated(existing), NullTerminated(link)) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static byte[] NullTerminated(string path) => Encoding.UTF8.GetBytes(path + "\0");

    [DllImport("libc", EntryPoint = "link")]
    private static extern int Link(byte[] existing, byte[] link);
}
