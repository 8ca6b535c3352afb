using System.Formats.Tar;
using Strata.Images.Layers;

namespace Strata.Images.Sources;

/// <summary>
/// The files of a tar archive on disk, indexed once by offset so that each can be streamed on its own,
/// several at a time, without extracting anything.
/// </summary>
public sealed class TarContainer : IBlobContainer
{
    private const int MaxLinkHops = 16;

    private readonly string _path;
    private readonly string _name;
    private readonly Dictionary<string, (long Offset, long Length)> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);

    /// <param name="name">What messages call the archive, when its path is an internal temporary file.</param>
    public TarContainer(string path, string? name = null)
    {
        _path = path;
        _name = name ?? path;
        IO.FileKind.RequireRegular(path, _name);
        Index();
    }

    public string Name => _name;

    public IEnumerable<string> Paths => _files.Keys.Concat(_links.Keys);

    public bool Exists(string path) => TryLocate(path, out _);

    public long Length(string path) => Locate(path).Length;

    public Stream Open(string path)
    {
        var (offset, length) = Locate(path);
        var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return new BoundedReadStream(stream, offset, length);
    }

    private (long Offset, long Length) Locate(string path) =>
        TryLocate(path, out var location) ? location : throw new StrataException($"{Name}: '{path}' is missing from the archive");

    private bool TryLocate(string path, out (long Offset, long Length) location)
    {
        var current = Normalize(path);
        for (var hop = 0; hop <= MaxLinkHops; hop++)
        {
            if (_files.TryGetValue(current, out location))
            {
                return true;
            }
            if (!_links.TryGetValue(current, out var target))
            {
                return false;
            }
            current = target;
        }
        throw new StrataException($"{Name}: links starting at '{path}' loop or go more than {MaxLinkHops} deep");
    }

    private void Index()
    {
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        CheckHeaders(stream);
        stream.Position = 0;
        var archiveLength = stream.Length;
        using var reader = new TarReader(stream, leaveOpen: true);
        var count = 0;
        while (true)
        {
            TarEntry? entry;
            try
            {
                entry = reader.GetNextEntry(copyData: false);
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or ArgumentException or NotSupportedException)
            {
                throw new StrataException(count == 0
                    ? $"{_name}: not a tar archive ({IO.TarReaderWords.Of(e)})"
                    : $"{_name}: corrupt tar archive after {count} entries ({IO.TarReaderWords.Of(e)})");
            }
            if (entry is null)
            {
                break;
            }
            count++;
            var name = Normalize(entry.Name);
            switch (entry.EntryType)
            {
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    var offset = entry.DataOffset;
                    if (offset + entry.Length > archiveLength)
                    {
                        throw new StrataException(
                            $"{_name}: entry '{entry.Name}' claims {entry.Length} bytes, past the end of the archive (truncated?)");
                    }
                    _files[name] = (offset, entry.Length);
                    break;
                case TarEntryType.SymbolicLink:
                    var directory = name.Contains('/', StringComparison.Ordinal) ? name[..name.LastIndexOf('/')] : "";
                    _links[name] = Normalize(entry.LinkName.StartsWith('/') ? entry.LinkName : $"{directory}/{entry.LinkName}");
                    break;
                case TarEntryType.HardLink:
                    _links[name] = Normalize(entry.LinkName);
                    break;
            }
        }
        if (count == 0)
        {
            throw new StrataException($"{_name}: not a tar archive (no entries)");
        }
    }

    /// <summary>
    /// Checks every header (checksum, numeric fields, name lengths) before the tar reader indexes the archive, since
    /// it checks none of them. A first header that fails means the file is not a tar archive at all.
    /// </summary>
    private void CheckHeaders(FileStream stream)
    {
        var head = new byte[6];
        var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var compression = CompressionDetector.Refused(head.AsSpan(0, headLength))
            ?? CompressionDetector.Detect(head.AsSpan(0, headLength), null) switch
            {
                Compression.Gzip => "gzip",
                Compression.Zstd => "zstd",
                _ => null,
            };
        if (compression is not null)
        {
            throw new StrataException($"{_name}: not a tar archive: the file is compressed with {compression}; decompress it first");
        }
        stream.Position = 0;
        var checking = new TarCheckingStream(stream, _path, leaveOpen: true);
        try
        {
            checking.CheckAll();
        }
        catch (TarHeaderException e) when (checking.HeadersChecked == 0)
        {
            throw new StrataException($"{_name}: not a tar archive (its first 512 bytes are not a tar header: {e.Problem})", e);
        }
    }

    /// <summary>Archive paths without <c>./</c>, leading slashes or <c>..</c> past the top.</summary>
    internal static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                continue;
            }
            parts.Add(part);
        }
        return string.Join('/', parts);
    }

    public void Dispose() { }
}
