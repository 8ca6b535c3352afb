using System.Formats.Tar;
using Strata.Images;
using Strata.Images.Layers;
using Strata.Images.Sources;

namespace Strata.Cli.Explore;

/// <summary>
/// Writes one regular file of one layer into a folder the user named, and nowhere else: the layer's blob is read
/// again from the image source and only the one entry is streamed out, to a temporary file in that folder that is
/// then renamed over the file's own name.
/// </summary>
public static class FileExtractor
{
    /// <summary>Extracts <paramref name="path"/> (as the tree shows it, without a leading slash) and returns where it went.</summary>
    public static string Extract(LayerBlob layer, string path, string folder, long maxLayerSize, CancellationToken cancellationToken = default)
    {
        var target = TargetPath(path, folder);
        using var decoder = new LayerDecoder(layer, maxLayerSize);
        using var reader = new TarReader(decoder.Tar, leaveOpen: true);
        try
        {
            while (reader.GetNextEntry(copyData: false) is { } entry)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Clean(entry.Name) != path)
                {
                    continue;
                }
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
                {
                    throw new StrataException($"/{path}: not a regular file in layer {layer.Index}; only files are extracted");
                }
                Write(entry.DataStream, target);
                return target;
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw decoder.Wrap(e);
        }
        throw new StrataException($"/{path}: not stored in layer {layer.Index}");
    }

    /// <summary>
    /// The file's name inside the folder. The name is the path's last component; one that is empty, "." or "..", or
    /// that holds a separator or a NUL, is refused, as is a path that is absolute or climbs with "..".
    /// </summary>
    public static string TargetPath(string path, string folder)
    {
        if (path.StartsWith('/') || path.Split('/').Any(part => part is ".." or "."))
        {
            throw new StrataException($"'{path}': refused: an absolute path or one with '.' or '..' could point outside the folder");
        }
        var name = path.Split('/')[^1];
        if (name.Length == 0 || name.Contains('\0', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            throw new StrataException($"'{path}': refused: not a file name that can be written safely");
        }
        if (!Directory.Exists(folder))
        {
            throw new StrataException($"{folder}: no such folder");
        }
        var root = Path.GetFullPath(folder);
        var target = Path.GetFullPath(Path.Combine(root, name));
        if (Path.GetDirectoryName(target) != Path.TrimEndingDirectorySeparator(root))
        {
            throw new StrataException($"'{path}': refused: it would be written outside {folder}");
        }
        return target;
    }

    /// <summary>A tar entry name as the analysis reads it: without "./" and leading or doubled slashes.</summary>
    private static string Clean(string name) =>
        string.Join('/', name.Split('/').Where(part => part is not ("" or ".")));

    private static void Write(Stream? data, string target)
    {
        var folder = Path.GetDirectoryName(target)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.strata-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                data?.CopyTo(output);
            }
            // rename(2) replaces a link at the target itself, never what it points to.
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
