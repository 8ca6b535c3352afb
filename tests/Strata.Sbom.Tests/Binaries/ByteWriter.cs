using System.Buffers.Binary;
using System.Text;

namespace Strata.Sbom.Tests.Binaries;

/// <summary>A growable byte buffer written at explicit offsets, in one byte order: what the test executables are built with.</summary>
internal sealed class ByteWriter(bool bigEndian)
{
    private byte[] _buffer = new byte[256];

    public int Length { get; private set; }

    public void U8(int at, byte value) => Room(at, 1)[0] = value;

    public void U16(int at, ulong value)
    {
        var span = Room(at, 2);
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value);
        }
    }

    public void U32(int at, ulong value)
    {
        var span = Room(at, 4);
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span, (uint)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)value);
        }
    }

    public void U64(int at, ulong value)
    {
        var span = Room(at, 8);
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt64BigEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(span, value);
        }
    }

    /// <summary>A pointer-sized value: 8 bytes when <paramref name="wide"/>, else 4.</summary>
    public void Word(int at, ulong value, bool wide)
    {
        if (wide)
        {
            U64(at, value);
        }
        else
        {
            U32(at, value);
        }
    }

    public void Bytes(int at, ReadOnlySpan<byte> value) => value.CopyTo(Room(at, value.Length));

    public void Text(int at, string value) => Bytes(at, Encoding.ASCII.GetBytes(value));

    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    public static int AlignUp(int value, int alignment) => (value + alignment - 1) / alignment * alignment;

    private Span<byte> Room(int at, int count)
    {
        if (at + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, at + count));
        }
        Length = Math.Max(Length, at + count);
        return _buffer.AsSpan(at, count);
    }
}
