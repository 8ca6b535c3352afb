using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Strata.Sbom.Tests.Hostile;

/// <summary>
/// A zip laid out by hand as a run of byte parts and runs of zeros, so that an archive of hundreds of MiB is
/// streamed to its reader in chunks and never built in memory. Entries are stored (not deflated).
/// </summary>
internal sealed class GeneratedJar
{
    private readonly List<(byte[] Bytes, long Zeros)> _parts = [];

    public long Length => _parts.Sum(p => p.Bytes.Length + p.Zeros);

    public IReadOnlyList<(byte[] Bytes, long Zeros)> Parts => _parts;

    private GeneratedJar Add(byte[] bytes, long zeros = 0)
    {
        _parts.Add((bytes, zeros));
        return this;
    }

    /// <summary>Small entries with their real CRC, then <paramref name="filler"/> zero bytes in one entry, then the end record.</summary>
    public static GeneratedJar With(long filler, bool descriptor, params (string Name, byte[] Content)[] entries)
    {
        var jar = new GeneratedJar();
        foreach (var (name, content) in entries)
        {
            jar.Add([.. Local(name, content.Length, Crc32.HashToUInt32(content), descriptor: false), .. content]);
        }
        // A run of zeros has the CRC of no interest here: nothing reads the filler back.
        jar.Add(Local("filler.bin", filler, 0, descriptor), filler);
        if (descriptor)
        {
            jar.Add(Descriptor(filler));
        }
        return jar.Add(End);
    }

    /// <summary>An archive whose one stored entry, <paramref name="name"/>, is <paramref name="inner"/>.</summary>
    public static GeneratedJar Nesting(string name, GeneratedJar inner)
    {
        var jar = new GeneratedJar().Add(Local(name, inner.Length, 0, descriptor: false));
        jar._parts.AddRange(inner._parts);
        return jar.Add(End);
    }

    public static GeneratedJar Zeros(long length) => new GeneratedJar().Add([], length);

    /// <summary>Hands the bytes over: the first <paramref name="headLength"/> as a head (as the layer reader does), the rest in 1 MiB chunks.</summary>
    public void Stream(int headLength, Action<byte[]> head, Action<ReadOnlyMemory<byte>> write)
    {
        var zeros = new byte[1024 * 1024];
        var pending = new List<byte>();
        var headGiven = false;
        void Emit(ReadOnlyMemory<byte> bytes)
        {
            if (!headGiven)
            {
                var need = headLength - pending.Count;
                pending.AddRange(bytes.Span[..Math.Min(need, bytes.Length)]);
                if (pending.Count < headLength)
                {
                    return;
                }
                head([.. pending]);
                headGiven = true;
                bytes = bytes[need..];
            }
            if (!bytes.IsEmpty)
            {
                write(bytes);
            }
        }
        foreach (var (bytes, run) in _parts)
        {
            Emit(bytes);
            for (var left = run; left > 0; left -= zeros.Length)
            {
                Emit(zeros.AsMemory(0, (int)Math.Min(zeros.Length, left)));
            }
        }
        if (!headGiven)
        {
            head([.. pending]);
        }
    }

    private static byte[] Local(string name, long size, uint crc, bool descriptor)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var header = new byte[30 + nameBytes.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 20);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), (ushort)(descriptor ? 8 : 0));
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(12), 0x21);
        if (!descriptor)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(14), crc);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(18), (uint)size);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(22), (uint)size);
        }
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(26), (ushort)nameBytes.Length);
        nameBytes.CopyTo(header, 30);
        return header;
    }

    private static byte[] Descriptor(long size)
    {
        var descriptor = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor, 0x08074b50);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(8), (uint)size);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor.AsSpan(12), (uint)size);
        return descriptor;
    }

    /// <summary>An end-of-central-directory record (an empty directory: the reducer stops at its signature).</summary>
    private static byte[] End => [0x50, 0x4B, 0x05, 0x06, .. new byte[18]];
}
