using System.Formats.Tar;
using System.Text;

namespace Strata.TestKit;

/// <summary>Builds one layer tar by hand: files, folders, links, whiteouts, in the order given.</summary>
public sealed class LayerBuilder
{
    private readonly List<Action<TarWriter>> _entries = [];

    public TarEntryFormat Format { get; init; } = TarEntryFormat.Pax;

    public LayerBuilder Directory(string path, UnixFileMode mode = (UnixFileMode)0x1ED)
    {
        _entries.Add(w => w.WriteEntry(Entry(TarEntryType.Directory, path, mode)));
        return this;
    }

    public LayerBuilder File(string path, string content, UnixFileMode mode = (UnixFileMode)0x1A4, int uid = 0) =>
        File(path, Encoding.UTF8.GetBytes(content), mode, uid);

    public LayerBuilder File(string path, byte[] content, UnixFileMode mode = (UnixFileMode)0x1A4, int uid = 0)
    {
        _entries.Add(w =>
        {
            var entry = Entry(TarEntryType.RegularFile, path, mode);
            entry.Uid = uid;
            entry.DataStream = new MemoryStream(content);
            w.WriteEntry(entry);
        });
        return this;
    }

    public LayerBuilder Symlink(string path, string target)
    {
        _entries.Add(w =>
        {
            var entry = Entry(TarEntryType.SymbolicLink, path, (UnixFileMode)0x1FF);
            entry.LinkName = target;
            w.WriteEntry(entry);
        });
        return this;
    }

    public LayerBuilder Hardlink(string path, string target)
    {
        _entries.Add(w =>
        {
            var entry = Entry(TarEntryType.HardLink, path, (UnixFileMode)0x1A4);
            entry.LinkName = target;
            w.WriteEntry(entry);
        });
        return this;
    }

    public LayerBuilder Fifo(string path)
    {
        _entries.Add(w => w.WriteEntry(Entry(TarEntryType.Fifo, path, (UnixFileMode)0x1A4)));
        return this;
    }

    /// <summary>A <c>.wh.NAME</c> entry removing <paramref name="path"/> from the layers below.</summary>
    public LayerBuilder Whiteout(string path)
    {
        var slash = path.LastIndexOf('/');
        var name = slash < 0 ? ".wh." + path : path[..(slash + 1)] + ".wh." + path[(slash + 1)..];
        return File(name, []);
    }

    /// <summary>A <c>.wh..wh..opq</c> entry hiding what the layers below hold in <paramref name="folder"/>.</summary>
    public LayerBuilder Opaque(string folder) => File(folder.TrimEnd('/') + "/.wh..wh..opq", []);

    /// <summary>An entry written as-is, for names no well-behaved tool writes.</summary>
    public LayerBuilder Raw(TarEntryType type, string name, byte[]? content = null)
    {
        _entries.Add(w =>
        {
            var entry = Entry(type, name, (UnixFileMode)0x1A4);
            if (content is not null)
            {
                entry.DataStream = new MemoryStream(content);
            }
            w.WriteEntry(entry);
        });
        return this;
    }

    public byte[] ToTar()
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, Format, leaveOpen: true))
        {
            foreach (var write in _entries)
            {
                write(writer);
            }
        }
        return buffer.ToArray();
    }

    private TarEntry Entry(TarEntryType type, string name, UnixFileMode mode)
    {
        TarEntry entry = Format switch
        {
            TarEntryFormat.Gnu => new GnuTarEntry(type, name),
            TarEntryFormat.Ustar => new UstarTarEntry(type, name),
            TarEntryFormat.V7 => new V7TarEntry(type == TarEntryType.RegularFile ? TarEntryType.V7RegularFile : type, name),
            _ => new PaxTarEntry(type, name),
        };
        entry.Mode = mode;
        entry.ModificationTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return entry;
    }
}
