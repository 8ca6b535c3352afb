using System.Buffers.Binary;
using System.IO.Compression;
using Strata.Images;

namespace Strata.Vulnerabilities.Store;

/// <summary>
/// The JSON entries of an OSV export (<c>all.zip</c>: one record per entry), read one at a time from the file, each
/// bounded by <see cref="ImportLimits"/>. Entries that are not <c>.json</c> files are passed over; names are only shown.
/// </summary>
internal static class ZipRecords
{
    private const uint EndOfCentralDirectory = 0x06054b50;
    private const uint Zip64Locator = 0x07064b50;
    private const uint Zip64EndOfCentralDirectory = 0x06064b50;

    public static IEnumerable<RecordFile> Read(string path, string shown, ImportLimits limits, CancellationToken cancellationToken)
    {
        using var file = OpenFile(path, shown);
        var declared = DeclaredEntries(file, shown);
        if (declared > limits.MaxEntries)
        {
            throw new StrataException($"{shown}: declares {declared:N0} entries, more than the {limits.MaxEntries:N0} an OSV export may hold (a zip bomb?)");
        }
        file.Position = 0;
        ZipArchive archive;
        IReadOnlyList<ZipArchiveEntry> entries;
        try
        {
            archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            entries = archive.Entries;
        }
        catch (InvalidDataException e)
        {
            throw new StrataException($"{shown}: not a readable zip archive ({e.Message})");
        }
        using (archive)
        {
            if (entries.Count > limits.MaxEntries)
            {
                throw new StrataException($"{shown}: holds {entries.Count:N0} entries, more than the {limits.MaxEntries:N0} an OSV export may hold (a zip bomb?)");
            }
            long inflated = 0;
            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || entry.FullName.EndsWith('/'))
                {
                    continue;
                }
                var where = $"{shown}: entry '{entry.FullName}'";
                var json = ReadEntry(entry, where, limits);
                inflated += json.Length;
                if (inflated > limits.MaxZipInflatedBytes)
                {
                    throw new StrataException($"{shown}: inflates to more than {ImportLimits.Size(limits.MaxZipInflatedBytes)} in all (a zip bomb?)");
                }
                yield return new RecordFile($"{shown}: {entry.FullName}", json);
            }
        }
    }

    private static FileStream OpenFile(string path, string shown)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StrataException($"{shown}: cannot read ({e.Message})");
        }
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry, string where, ImportLimits limits)
    {
        if (entry.Length > limits.MaxRecordBytes)
        {
            throw new StrataException($"{where}: inflates to {entry.Length:N0} bytes, more than the {ImportLimits.Size(limits.MaxRecordBytes)} a record may be (a zip bomb?)");
        }
        try
        {
            using var stream = entry.Open();
            var json = new byte[entry.Length];
            stream.ReadExactly(json);
            Span<byte> more = stackalloc byte[1];
            if (stream.Read(more) > 0)
            {
                throw new StrataException($"{where}: inflates to more than the {entry.Length:N0} bytes it declares (a zip bomb?)");
            }
            return json;
        }
        catch (EndOfStreamException)
        {
            throw new StrataException($"{where}: damaged (it inflates to less than the {entry.Length:N0} bytes it declares)");
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new StrataException($"{where}: damaged ({e.Message})");
        }
    }

    /// <summary>
    /// The entry count the end-of-central-directory record declares (its zip64 form when there is one), read before
    /// .NET lists the entries; -1 when there is no such record, which the archive reader then reports.
    /// </summary>
    private static long DeclaredEntries(FileStream file, string shown)
    {
        try
        {
            var tail = (int)Math.Min(file.Length, 22 + 0xFFFF + 20);
            var bytes = new byte[tail];
            file.Position = file.Length - tail;
            file.ReadExactly(bytes);
            for (var at = tail - 22; at >= 0; at--)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)) != EndOfCentralDirectory)
                {
                    continue;
                }
                long count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 10));
                if (count == 0xFFFF && at >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at - 20)) == Zip64Locator)
                {
                    var record = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at - 20 + 8));
                    if (record >= 0 && record + 56 <= file.Length)
                    {
                        var zip64 = new byte[56];
                        file.Position = record;
                        file.ReadExactly(zip64);
                        if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) == Zip64EndOfCentralDirectory)
                        {
                            count = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(32)), long.MaxValue);
                        }
                    }
                }
                return count;
            }
            return -1;
        }
        catch (IOException e)
        {
            throw new StrataException($"{shown}: cannot read ({e.Message})");
        }
    }
}
