using System.Buffers.Binary;
using System.Text;

namespace Strata.Sbom.Catalogers.Binaries;

/// <summary>Bounds-checked reads of fixed-size integers and names from an executable's bytes, in its byte order.</summary>
internal readonly struct EndianReader(ReadOnlyMemory<byte> data, bool bigEndian)
{
    public int Length => data.Length;

    public bool BigEndian => bigEndian;

    public ReadOnlyMemory<byte> Data => data;

    public bool Contains(ulong offset, ulong length) => offset <= (ulong)data.Length && length <= (ulong)data.Length - offset;

    public ReadOnlySpan<byte> Span(ulong offset, ulong length) =>
        Contains(offset, length)
            ? data.Span.Slice((int)offset, (int)length)
            : throw new MalformedExecutableException($"{length} bytes at offset {offset} run past the end of the file ({data.Length} bytes)");

    public ushort U16(ulong offset) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(Span(offset, 2)) : BinaryPrimitives.ReadUInt16LittleEndian(Span(offset, 2));

    public uint U32(ulong offset) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(Span(offset, 4)) : BinaryPrimitives.ReadUInt32LittleEndian(Span(offset, 4));

    public ulong U64(ulong offset) =>
        bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(Span(offset, 8)) : BinaryPrimitives.ReadUInt64LittleEndian(Span(offset, 8));

    /// <summary>A pointer-sized field: 8 bytes in 64-bit files, 4 in 32-bit ones.</summary>
    public ulong Word(ulong offset, bool is64) => is64 ? U64(offset) : U32(offset);

    /// <summary>A NUL-terminated (or <paramref name="max"/>-byte) name.</summary>
    public string Name(ulong offset, int max)
    {
        var available = Contains(offset, 0) ? (int)Math.Min((ulong)max, (ulong)data.Length - offset) : 0;
        var bytes = data.Span.Slice((int)Math.Min(offset, (ulong)data.Length), available);
        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }
}
