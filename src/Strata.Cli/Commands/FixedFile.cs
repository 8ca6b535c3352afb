using System.Text;
using Strata.Images;

namespace Strata.Cli.Commands;

/// <summary>
/// Writes a fixed Dockerfile back: to a temporary sibling first, with the original's permissions, then renamed over
/// it, so the file is never seen half written and nothing outside its folder is touched. The text is written as
/// UTF-8 without adding a byte order mark (one that was there is a character of the text and stays).
/// </summary>
internal static class FixedFile
{
    public static void Write(string path, string text, string shown)
    {
        var directory = Path.GetDirectoryName(path)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(path));
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new StrataException($"{shown}: cannot write the fixed Dockerfile ({e.Message})");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: the original is untouched.
        }
    }
}
