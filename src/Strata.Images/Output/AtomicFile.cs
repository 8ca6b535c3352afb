namespace Strata.Images.Output;

/// <summary>Writes (or links) a file through a temporary sibling renamed into place, so no reader ever sees half of it.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="path"/> whole or not at all. A character device or FIFO there (<c>-o /dev/null</c>, a
    /// pipe) is written to directly: renaming over it would replace the device with a file.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        switch (IO.FileKind.Describe(full))
        {
            case "a character device" or "a FIFO":
                WriteThrough(path, full, write);
                return;
            case "a block device" or "a socket" or "a special file":
                throw new StrataException($"{path}: {IO.FileKind.Describe(full)}, not a file to write");
        }
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new StrataException($"{path}: the folder '{directory}' does not exist");
        }
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            TryDelete(temporary);
            throw new StrataException($"{path}: cannot write ({e.Message})");
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void WriteThrough(string path, string full, Action<Stream> write)
    {
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 0);
            write(stream);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new StrataException($"{path}: cannot write ({e.Message})");
        }
    }

    /// <summary>
    /// Puts a hard link to <paramref name="source"/> at <paramref name="path"/> the same way: linked beside it under
    /// a temporary name, checked by <paramref name="check"/> (which throws to refuse it), renamed into place. False,
    /// with nothing written, when no link can be made there (another file system, say): the caller copies instead.
    /// </summary>
    public static bool TryLink(string source, string path, Action<string> check)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new StrataException($"{path}: the folder '{directory}' does not exist");
        }
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        if (!HardLink.TryCreate(source, temporary))
        {
            return false;
        }
        try
        {
            check(temporary);
            File.Move(temporary, full, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            TryDelete(temporary);
            throw new StrataException($"{path}: cannot write ({e.Message})");
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
