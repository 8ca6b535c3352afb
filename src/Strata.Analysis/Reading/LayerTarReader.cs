using System.Buffers;
using System.Formats.Tar;
using System.IO.Hashing;
using Strata.Analysis.Model;
using Strata.Images;

namespace Strata.Analysis.Reading;

/// <summary>Reads one layer's uncompressed tar into entries, hashing regular files' content as it streams past.</summary>
internal sealed class LayerTarReader
{
    private const string WhiteoutPrefix = ".wh.";
    private const string OpaqueMarker = ".wh..wh..opq";
    private static readonly HashSet<string> EStargzMetadata = new(StringComparer.Ordinal)
    {
        "stargz.index.json", ".prefetch.landmark", ".no.prefetch.landmark",
    };

    private readonly string _layerName;
    private readonly bool _isEStargz;
    private readonly Action<string> _warn;
    private readonly XxHash3 _hash = new();

    private readonly int _layer;
    private readonly IFileCaptor? _captor;

    public LayerTarReader(string layerName, bool isEStargz, Action<string> warn, int layer = 0, IFileCaptor? captor = null)
    {
        _layer = layer;
        _captor = captor;
        _layerName = layerName;
        _isEStargz = isEStargz;
        _warn = warn;
    }

    public List<FileEntry> Read(Stream tar, CancellationToken cancellationToken = default)
    {
        var entries = new List<FileEntry>();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            using var reader = new TarReader(tar, leaveOpen: true);
            TarEntry? previous = null;
            var previousUnread = 0L;
            while (NextEntry(reader, previous, previousUnread) is { } entry)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var fileEntry = ToFileEntry(entry, buffer, cancellationToken);
                if (fileEntry is not null)
                {
                    entries.Add(fileEntry);
                }
                // A regular file's content was read through (or the shortfall reported); other entries' data is skipped.
                (previous, previousUnread) = (entry, fileEntry?.Kind == EntryKind.File ? 0 : entry.Length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return entries;
    }

    /// <summary>The next entry; a layer that ends inside an entry's data or a header names the entry it ends in or after.</summary>
    private TarEntry? NextEntry(TarReader reader, TarEntry? previous, long previousUnread)
    {
        try
        {
            return reader.GetNextEntry(copyData: false);
        }
        catch (EndOfStreamException e)
        {
            throw new StrataException(
                previous is null
                    ? $"{_layerName}: the layer ends inside its first tar header (truncated)"
                    : previousUnread > 0
                        ? $"{_layerName}: entry '{previous.Name}' claims {previousUnread} bytes, past the end of the layer (truncated)"
                        : $"{_layerName}: the layer ends just after entry '{previous.Name}', inside the padding or header that follows (truncated)",
                e);
        }
    }

    private FileEntry? ToFileEntry(TarEntry entry, byte[] buffer, CancellationToken cancellationToken)
    {
        if (entry.EntryType is TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes
            or TarEntryType.LongLink or TarEntryType.LongPath)
        {
            return null;
        }
        var path = EntryPath.Normalize(entry.Name, _layerName, out var wasAbsolute);
        if (wasAbsolute && path.Length > 0)
        {
            _warn($"{_layerName}: entry '{entry.Name}' has an absolute name; read as '{path}'");
        }
        if (path.Length == 0 || (_isEStargz && EStargzMetadata.Contains(path)))
        {
            return null;
        }
        var (kind, typeFlag) = Classify(entry);
        if (kind is null)
        {
            _warn($"{_layerName}: entry '{entry.Name}' has tar type '{(char)entry.EntryType}', which Strata skips");
            return null;
        }
        var slash = path.LastIndexOf('/');
        if (path.AsSpan(slash + 1).StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            var baseName = path[(slash + 1)..];
            var parent = slash < 0 ? "" : path[..slash];
            if (baseName == OpaqueMarker)
            {
                kind = EntryKind.OpaqueWhiteout;
                path = parent;
            }
            else if (baseName.StartsWith(WhiteoutPrefix + WhiteoutPrefix, StringComparison.Ordinal))
            {
                return null; // aufs bookkeeping such as .wh..wh.plnk, not part of the image's file system
            }
            else
            {
                var removed = baseName[WhiteoutPrefix.Length..];
                if (removed is "" or "." or "..")
                {
                    throw new StrataException(
                        $"{_layerName}: entry '{entry.Name}' is an invalid whiteout: it removes {(removed == "" ? "no name" : $"'{removed}'")}, not a file or folder");
                }
                kind = EntryKind.Whiteout;
                path = parent.Length == 0 ? removed : $"{parent}/{removed}";
            }
        }
        var hash = kind == EntryKind.File ? HashContent(entry, path, buffer, cancellationToken) : 0UL;
        var linkTarget = kind switch
        {
            EntryKind.Hardlink => EntryPath.Normalize(entry.LinkName, _layerName, out _),
            EntryKind.Symlink => entry.LinkName,
            _ => null,
        };
        return new FileEntry
        {
            Path = path,
            Kind = kind.Value,
            TypeFlag = typeFlag,
            Size = kind == EntryKind.File ? entry.Length : 0,
            Mode = (int)entry.Mode,
            Uid = entry.Uid,
            Gid = entry.Gid,
            LinkTarget = linkTarget,
            ContentHash = hash,
        };
    }

    private static (EntryKind? Kind, byte TypeFlag) Classify(TarEntry entry) => entry.EntryType switch
    {
        TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile or TarEntryType.SparseFile
            => (EntryKind.File, (byte)'0'),
        TarEntryType.Directory => (EntryKind.Directory, (byte)'5'),
        TarEntryType.SymbolicLink => (EntryKind.Symlink, (byte)'2'),
        TarEntryType.HardLink => (EntryKind.Hardlink, (byte)'1'),
        TarEntryType.CharacterDevice => (EntryKind.CharDevice, (byte)'3'),
        TarEntryType.BlockDevice => (EntryKind.BlockDevice, (byte)'4'),
        TarEntryType.Fifo => (EntryKind.Fifo, (byte)'6'),
        _ => (null, (byte)entry.EntryType),
    };

    private ulong HashContent(TarEntry entry, string path, byte[] buffer, CancellationToken cancellationToken)
    {
        _hash.Reset();
        var data = entry.DataStream;
        long total = 0;
        IFileSink? sink = null;
        if (data is not null)
        {
            // The first chunk is read whole (as far as the file goes), so a captor can judge the file by its head.
            var read = data.ReadAtLeast(buffer, (int)Math.Min(buffer.Length, entry.Length), throwOnEndOfStream: false);
            _hash.Append(buffer.AsSpan(0, read));
            total += read;
            sink = _captor?.Open(_layer, path, entry.Length, (int)entry.Mode, buffer.AsSpan(0, read));
            // A file that fitted in the first chunk is done: no further read down the stream chain to learn so.
            while (total < entry.Length && (read = data.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested(); // one file may be most of a layer
                _hash.Append(buffer.AsSpan(0, read));
                sink?.Write(buffer.AsSpan(0, read));
                total += read;
            }
        }
        if (total != entry.Length)
        {
            throw new StrataException(
                $"{_layerName}: entry '{path}' claims {entry.Length} bytes but the layer ends after {total} (truncated)");
        }
        sink?.Complete();
        return _hash.GetCurrentHashAsUInt64();
    }
}
