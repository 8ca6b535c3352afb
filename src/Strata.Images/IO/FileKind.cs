using System.Runtime.InteropServices;
using System.Text;

namespace Strata.Images.IO;

/// <summary>
/// What kind of file a path names, following symlinks, asked before opening it: opening a FIFO blocks until a writer
/// comes, and a device such as <c>/dev/zero</c> never ends. .NET has no API for the file type, so this asks the
/// runtime's own native shim (<c>SystemNative_Stat</c>, whose status record begins with two int32 fields, flags
/// and mode, on every Unix .NET runs on).
/// </summary>
public static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int Regular = 0x8000;
    private const int Socket = 0xC000;

    /// <summary>True when <paramref name="path"/> exists and is (or links to) a regular file.</summary>
    public static bool IsRegular(string path) => Describe(path) == "a regular file";

    /// <summary>Throws, naming <paramref name="what"/>, unless <paramref name="path"/> is (or links to) a regular file.</summary>
    public static void RequireRegular(string path, string what)
    {
        var kind = Describe(path);
        if (kind == "missing")
        {
            throw new StrataException($"{what} is missing");
        }
        if (kind != "a regular file")
        {
            throw new StrataException($"{what} is {kind}, not a regular file");
        }
    }

    /// <summary>"a regular file", "a FIFO", "a character device", … or "missing".</summary>
    public static string Describe(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return File.Exists(path) ? "a regular file" : System.IO.Directory.Exists(path) ? "a directory" : "missing";
        }
        var status = new byte[256];
        int result;
        try
        {
            result = Stat(Encoding.UTF8.GetBytes(path + "\0"), status);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return File.Exists(path) ? "a regular file" : System.IO.Directory.Exists(path) ? "a directory" : "missing";
        }
        if (result != 0)
        {
            return "missing";
        }
        return (BitConverter.ToInt32(status, 4) & TypeMask) switch
        {
            Regular => "a regular file",
            Directory => "a directory",
            Fifo => "a FIFO",
            CharacterDevice => "a character device",
            BlockDevice => "a block device",
            Socket => "a socket",
            _ => "a special file",
        };
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat(byte[] path, byte[] status);
}
