using Strata.Images;

namespace Strata.Vulnerabilities.Store;

/// <summary>
/// The records a path given to <c>strata db import</c> holds: a folder of <c>.json</c> records (searched through its
/// subfolders; other files are passed over), one <c>.json</c> record, or an OSV export zip.
/// </summary>
internal static class RecordFiles
{
    private static readonly EnumerationOptions Everything = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = false,
        AttributesToSkip = FileAttributes.None,
        MatchType = MatchType.Simple,
    };

    public static IEnumerable<RecordFile> Read(string path, string shown, ImportLimits limits, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            return Folder(path, shown, limits, cancellationToken);
        }
        if (!File.Exists(path))
        {
            throw new StrataException($"{shown}: no such file or folder");
        }
        if (IsZip(path, shown))
        {
            return ZipRecords.Read(path, shown, limits, cancellationToken);
        }
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            throw new StrataException($"{shown}: not a zip archive");
        }
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return [ReadJson(path, shown, limits)];
        }
        throw new StrataException($"{shown}: neither a folder, an OSV .json record, nor an OSV export zip");
    }

    private static IEnumerable<RecordFile> Folder(string path, string shown, ImportLimits limits, CancellationToken cancellationToken)
    {
        List<string> files;
        try
        {
            files = Directory.EnumerateFiles(path, "*", Everything)
                .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StrataException($"{shown}: cannot list the folder ({e.Message})");
        }
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ReadJson(file, Path.Combine(shown, Path.GetRelativePath(path, file)), limits);
        }
    }

    private static RecordFile ReadJson(string path, string shown, ImportLimits limits)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 14);
            if (file.Length > limits.MaxRecordBytes)
            {
                throw new StrataException($"{shown}: {file.Length:N0} bytes, more than the {ImportLimits.Size(limits.MaxRecordBytes)} a record may be");
            }
            var json = new byte[file.Length];
            file.ReadExactly(json);
            return new RecordFile(shown, json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StrataException($"{shown}: cannot read ({e.Message})");
        }
    }

    /// <summary>A zip by its first bytes (a local file header, or the end record of an empty zip), whatever its name.</summary>
    private static bool IsZip(string path, string shown)
    {
        try
        {
            using var file = File.OpenRead(path);
            Span<byte> magic = stackalloc byte[4];
            return file.Read(magic) == 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2], magic[3]) is (3, 4) or (5, 6);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StrataException($"{shown}: cannot read ({e.Message})");
        }
    }
}
