using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Strata.Sbom.Catalogers.Language;

/// <summary>
/// Reads a zip (a Java archive, a Python egg) as it streams past, one local header after another, and keeps only
/// the entries its cataloger reads (<see cref="ZipInterest"/>): for Java archives, manifests, pom.properties files
/// and nested archives, each nested archive reduced the same way. The result is a small zip of those entries, so an archive of any size is never held whole.
/// An entry whose sizes follow its data (a data descriptor, as <c>jar</c> writes them) ends at the first descriptor
/// whose compressed size is the number of bytes seen.
/// </summary>
internal sealed class ZipStreamReducer : IFileReducer
{
    private const uint LocalHeader = 0x04034b50, CentralHeader = 0x02014b50, EndOfDirectory = 0x06054b50, Zip64EndOfDirectory = 0x06064b50;
    private const int FixedHeader = 30, HeadKept = 64, SignatureLength = 4;

    /// <summary>Bytes before the first local header that are still looked through: a launch script, as executable jars have.</summary>
    private const int MaxPrefix = 1024 * 1024;

    private static ReadOnlySpan<byte> LocalSignature => "PK\x03\x04"u8;

    private static ReadOnlySpan<byte> EndSignature => "PK\x05\x06"u8;

    private static ReadOnlySpan<byte> DescriptorSignature => "PK\x07\x08"u8;

    private readonly string _path;
    private readonly ZipInterest _interest;
    private readonly JavaArchiveLimits _limits;
    private readonly Action<string> _warn;
    private readonly int _depth;
    private readonly KeptBudget _budget;
    private readonly List<ZipRecord> _kept = [];
    private readonly List<byte> _head = [];
    private byte[] _buffer = new byte[64 * 1024];
    private int _start, _end;
    private long _offset;
    private State _state = State.Start;
    private Entry? _entry;
    private byte[]? _firstSkipped;

    public ZipStreamReducer(string path, ZipInterest interest, JavaArchiveLimits limits, Action<string> warn)
        : this(path, interest, limits, warn, 0, new KeptBudget())
    {
    }

    private ZipStreamReducer(string path, ZipInterest interest, JavaArchiveLimits limits, Action<string> warn, int depth, KeptBudget budget)
    {
        _path = path;
        _interest = interest;
        _limits = limits;
        _warn = warn;
        _depth = depth;
        _budget = budget;
    }

    private enum State { Start, Header, Sized, Described, Done, NotZip, Failed }

    private enum Kind { Skip, Metadata, NestedStored, NestedCompressed, Raw }

    public void Write(ReadOnlySpan<byte> chunk)
    {
        if (_head.Count < HeadKept)
        {
            _head.AddRange(chunk[..Math.Min(chunk.Length, HeadKept - _head.Count)]);
        }
        if (_state is State.Done or State.NotZip or State.Failed)
        {
            return;
        }
        try
        {
            Append(chunk);
            Process();
        }
        catch (Exception e) when (CatalogFailure.IsCaught(e))
        {
            _warn($"{_path}: {CatalogFailure.Describe(e)}; read the entries before");
            _state = State.Failed;
        }
    }

    public byte[] Complete()
    {
        switch (_state)
        {
            case State.Start or State.NotZip:
                // No zip: the first bytes let the reader say so, as it would of the whole file.
                return [.. _head];
            case State.Header:
                _warn($"{_path}: ends before its central directory; read the entries before");
                break;
            case State.Sized or State.Described:
                _warn($"{_path}: ends inside its entry {_entry!.Name}; read the entries before");
                break;
        }
        if (_kept.Count == 0 && _firstSkipped is { } first)
        {
            // An archive of entries none of which is read is not an empty archive: one of them stays, without its data.
            _kept.Add(new ZipRecord(first, 0, 0, 0, 0, []));
        }
        return ZipRecord.Archive(_kept);
    }

    private void Append(ReadOnlySpan<byte> chunk)
    {
        if (_end + chunk.Length > _buffer.Length)
        {
            var pending = _end - _start;
            if (pending + chunk.Length > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, pending + chunk.Length));
            }
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            (_start, _end) = (0, pending);
        }
        chunk.CopyTo(_buffer.AsSpan(_end));
        _end += chunk.Length;
    }

    private void Consume(int count)
    {
        _start += count;
        _offset += count;
        if (_start == _end)
        {
            (_start, _end) = (0, 0);
        }
    }

    private void Process()
    {
        while (true)
        {
            var data = _buffer.AsSpan(_start, _end - _start);
            switch (_state)
            {
                case State.Start:
                    if (data.Length < SignatureLength)
                    {
                        return;
                    }
                    if (_offset == 0 && data.StartsWith(EndSignature))
                    {
                        _state = State.Done;
                        continue;
                    }
                    var first = data.IndexOf(LocalSignature);
                    if (first >= 0)
                    {
                        Consume(first);
                        _state = State.Header;
                        continue;
                    }
                    if (_offset + data.Length > MaxPrefix)
                    {
                        _state = State.NotZip;
                        return;
                    }
                    Consume(data.Length - (SignatureLength - 1));
                    return;
                case State.Header:
                    if (data.Length < SignatureLength)
                    {
                        return;
                    }
                    var signature = BinaryPrimitives.ReadUInt32LittleEndian(data);
                    if (signature != LocalHeader)
                    {
                        if (signature is not (CentralHeader or EndOfDirectory or Zip64EndOfDirectory))
                        {
                            _warn($"{_path}: no zip header at byte {_offset}; read the entries before");
                        }
                        _state = State.Done;
                        return;
                    }
                    if (data.Length < FixedHeader)
                    {
                        return;
                    }
                    var length = FixedHeader + BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(data[28..]);
                    if (data.Length < length)
                    {
                        return;
                    }
                    Begin(data[..length]);
                    Consume(length);
                    continue;
                case State.Sized:
                    if (_entry!.Remaining == 0)
                    {
                        Finish();
                        continue;
                    }
                    if (data.IsEmpty)
                    {
                        return;
                    }
                    var take = (int)Math.Min(_entry.Remaining, data.Length);
                    Keep(data[..take]);
                    Consume(take);
                    _entry.Remaining -= take;
                    continue;
                case State.Described:
                    if (!FindDescriptor(data))
                    {
                        return;
                    }
                    continue;
                default:
                    return;
            }
        }
    }

    /// <summary>Moves the entry's data on to its descriptor; true when the descriptor was found and the entry finished.</summary>
    private bool FindDescriptor(ReadOnlySpan<byte> data)
    {
        var entry = _entry!;
        var size = entry.Zip64 ? 24 : 16;
        for (var from = 0; ;)
        {
            var hit = data[from..].IndexOf(DescriptorSignature);
            if (hit < 0)
            {
                // A signature may straddle this chunk and the next.
                var safe = Math.Max(0, data.Length - (SignatureLength - 1));
                Keep(data[..safe]);
                Consume(safe);
                return false;
            }
            var at = from + hit;
            if (at + size > data.Length)
            {
                Keep(data[..at]);
                Consume(at);
                return false;
            }
            var fields = data[(at + 4)..];
            var compressed = entry.Zip64 ? (long)BinaryPrimitives.ReadUInt64LittleEndian(fields[4..]) : BinaryPrimitives.ReadUInt32LittleEndian(fields[4..]);
            if (compressed == entry.Seen + at)
            {
                entry.Crc = BinaryPrimitives.ReadUInt32LittleEndian(fields);
                entry.Uncompressed = entry.Zip64 ? (long)BinaryPrimitives.ReadUInt64LittleEndian(fields[12..]) : BinaryPrimitives.ReadUInt32LittleEndian(fields[8..]);
                Keep(data[..at]);
                Consume(at + size);
                Finish();
                return true;
            }
            from = at + 1;
        }
    }

    private void Begin(ReadOnlySpan<byte> header)
    {
        var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[6..]);
        var method = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]);
        var nameBytes = header.Slice(FixedHeader, nameLength).ToArray();
        var entry = new Entry(Encoding.UTF8.GetString(nameBytes), nameBytes, flags, method)
        {
            Crc = BinaryPrimitives.ReadUInt32LittleEndian(header[14..]),
            Remaining = BinaryPrimitives.ReadUInt32LittleEndian(header[18..]),
            Uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(header[22..]),
        };
        ReadZip64Sizes(entry, header[(FixedHeader + nameLength)..]);
        entry.Kind = Classify(entry);
        if (entry.Kind == Kind.Skip)
        {
            _firstSkipped ??= entry.NameBytes;
        }
        if (entry.Kind == Kind.NestedStored)
        {
            entry.Nested = new ZipStreamReducer($"{_path}!/{entry.Name}", _interest, _limits, _warn, _depth + 1, _budget);
        }
        _entry = entry;
        _state = (flags & ZipRecord.DataDescriptorFlag) != 0 ? State.Described : State.Sized;
    }

    /// <summary>Sizes of 0xFFFFFFFF are in the zip64 extra field (id 1): the uncompressed size first, then the compressed.</summary>
    private static void ReadZip64Sizes(Entry entry, ReadOnlySpan<byte> extra)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var size = Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]), extra.Length - 4);
            var field = extra.Slice(4, size);
            if (id == 1)
            {
                entry.Zip64 = true;
                if (entry.Uncompressed == uint.MaxValue && field.Length >= 8)
                {
                    entry.Uncompressed = (long)BinaryPrimitives.ReadUInt64LittleEndian(field);
                    field = field[8..];
                }
                if (entry.Remaining == uint.MaxValue && field.Length >= 8)
                {
                    entry.Remaining = (long)BinaryPrimitives.ReadUInt64LittleEndian(field);
                }
            }
            extra = extra[(4 + size)..];
        }
    }

    private Kind Classify(Entry entry)
    {
        if (entry.Name.EndsWith('/'))
        {
            return Kind.Skip;
        }
        if (_interest.IsMetadata(entry.Name))
        {
            return Kind.Metadata;
        }
        if (!_interest.IsNested(entry.Name))
        {
            return Kind.Skip;
        }
        if (_depth + 1 > _limits.MaxDepth)
        {
            // Kept empty, so that the reader still meets it and says how deep it lies.
            _kept.Add(new ZipRecord(entry.NameBytes, 0, 0, Crc32.HashToUInt32(EmptyArchive), EmptyArchive.Length, EmptyArchive));
            return Kind.Skip;
        }
        return entry.Method switch
        {
            0 => Kind.NestedStored,
            8 => Kind.NestedCompressed,
            _ => Kind.Raw,
        };
    }

    private static readonly byte[] EmptyArchive = ZipRecord.Archive([]);

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        var entry = _entry!;
        entry.Seen += bytes.Length;
        if (bytes.IsEmpty || entry.Dropped)
        {
            return;
        }
        switch (entry.Kind)
        {
            case Kind.NestedStored:
                entry.Nested!.Write(bytes);
                break;
            case Kind.Metadata when entry.Seen > _limits.MaxMetadataEntry:
                _warn($"{_path}!/{entry.Name}: larger than {_limits.MaxMetadataEntry} bytes; skipped");
                Drop(entry);
                break;
            case Kind.Metadata or Kind.NestedCompressed or Kind.Raw:
                if (!_budget.Take(bytes.Length))
                {
                    if (_budget.WarnOnce())
                    {
                        _warn($"{_path}!/{entry.Name}: past {KeptBudget.MaxKept} bytes of metadata and nested archives kept; later ones are not read");
                    }
                    Drop(entry);
                    break;
                }
                (entry.Data ??= new MemoryStream()).Write(bytes);
                break;
        }
    }

    private static void Drop(Entry entry)
    {
        entry.Dropped = true;
        entry.Data = null;
    }

    private void Finish()
    {
        var entry = _entry!;
        _entry = null;
        _state = State.Header;
        if (entry.Dropped)
        {
            return;
        }
        switch (entry.Kind)
        {
            case Kind.Metadata or Kind.Raw:
                Add(entry, new ZipRecord(entry.NameBytes, entry.Flags, entry.Method, entry.Crc, entry.Uncompressed, entry.Data?.ToArray() ?? []));
                break;
            case Kind.NestedStored:
                KeepNested(entry, entry.Nested!.Complete());
                break;
            case Kind.NestedCompressed when Inflate(entry) is { } reduced:
                KeepNested(entry, reduced);
                break;
        }
    }

    private void KeepNested(Entry entry, byte[] reduced) =>
        Add(entry, new ZipRecord(entry.NameBytes, (ushort)(entry.Flags & ~1), 0, Crc32.HashToUInt32(reduced), reduced.Length, reduced));

    /// <summary>
    /// Keeps a record while the budget allows its name and bookkeeping too (a million empty pom.properties cost
    /// memory though they hold no bytes), and while the count fits a zip without zip64.
    /// </summary>
    private void Add(Entry entry, ZipRecord record)
    {
        if (_kept.Count < MaxRecords && _budget.Take(record.Name.Length + RecordOverhead))
        {
            _kept.Add(record);
        }
        else if (_budget.WarnOnce())
        {
            _warn($"{_path}!/{entry.Name}: past {MaxRecords} entries or {KeptBudget.MaxKept} bytes kept; later ones are not read");
        }
    }

    private const int MaxRecords = ushort.MaxValue, RecordOverhead = 128;

    /// <summary>A deflated nested archive, inflated through a reducer of its own within the inflate limit; null when unreadable.</summary>
    private byte[]? Inflate(Entry entry)
    {
        var nested = new ZipStreamReducer($"{_path}!/{entry.Name}", _interest, _limits, _warn, _depth + 1, _budget);
        var compressed = entry.Data ?? new MemoryStream();
        var kept = compressed.Length;
        compressed.Position = 0;
        try
        {
            using var inflater = new DeflateStream(compressed, CompressionMode.Decompress);
            var chunk = new byte[81920];
            int read;
            while ((read = inflater.Read(chunk)) > 0)
            {
                if (!_budget.Inflate(read, _limits.MaxInflated))
                {
                    _warn($"{_path}!/{entry.Name}: inflates past {_limits.MaxInflated} bytes; a zip bomb? read no further");
                    return null;
                }
                nested.Write(chunk.AsSpan(0, read));
            }
        }
        catch (InvalidDataException e)
        {
            _warn($"{_path}!/{entry.Name}: not a readable archive ({e.Message})");
            return null;
        }
        finally
        {
            _budget.Release(kept);
            entry.Data = null;
        }
        return nested.Complete();
    }

    private sealed class Entry(string name, byte[] nameBytes, ushort flags, ushort method)
    {
        public string Name { get; } = name;

        public byte[] NameBytes { get; } = nameBytes;

        public ushort Flags { get; } = flags;

        public ushort Method { get; } = method;

        public uint Crc { get; set; }

        public long Remaining { get; set; }

        public long Uncompressed { get; set; }

        public bool Zip64 { get; set; }

        public Kind Kind { get; set; }

        public long Seen { get; set; }

        public bool Dropped { get; set; }

        public MemoryStream? Data { get; set; }

        public ZipStreamReducer? Nested { get; set; }
    }

    /// <summary>What one top-level archive may keep in memory at once, and inflate in all, across its nested archives.</summary>
    private sealed class KeptBudget
    {
        public const long MaxKept = 64L * 1024 * 1024;

        private long _kept;
        private long _inflated;
        private bool _warned;

        public bool Take(long bytes)
        {
            if (_kept + bytes > MaxKept)
            {
                return false;
            }
            _kept += bytes;
            return true;
        }

        public void Release(long bytes) => _kept -= bytes;

        public bool Inflate(long bytes, long limit) => (_inflated += bytes) <= limit;

        public bool WarnOnce() => !_warned && (_warned = true);
    }
}
