using System.Text;

namespace Strata.Sbom.Tests.Binaries;

/// <summary>Go build info blobs as the Go linker writes them, for hand-made executables.</summary>
internal static class GoBlob
{
    private static readonly byte[] Magic = [0xff, .. " Go buildinf:"u8];

    /// <summary>The module text framed by the 16-byte sentinels Go puts around it.</summary>
    public static byte[] Framed(string modules) =>
        [.. Enumerable.Repeat((byte)0x30, 16), .. Encoding.UTF8.GetBytes(modules), .. Enumerable.Repeat((byte)0x31, 16)];

    /// <summary>Go 1.18 and later: the header, then the version and the framed module text, each varint-length-prefixed.</summary>
    public static byte[] Inline(string version, string modules)
    {
        var blob = new List<byte>(Header(8, 2));
        foreach (var value in new[] { Encoding.UTF8.GetBytes(version), Framed(modules) })
        {
            for (var length = (ulong)value.Length; ; length >>= 7)
            {
                blob.Add((byte)(length < 0x80 ? length : (length & 0x7f) | 0x80));
                if (length < 0x80)
                {
                    break;
                }
            }
            blob.AddRange(value);
        }
        return [.. blob];
    }

    /// <summary>Before Go 1.18: the header holds pointers to the two Go string headers.</summary>
    public static byte[] Pointers(int pointerSize, bool bigEndian, ulong versionAddress, ulong modulesAddress)
    {
        var w = new ByteWriter(bigEndian);
        w.Bytes(0, Header(pointerSize, bigEndian ? 1 : 0));
        w.Word(16, versionAddress, pointerSize == 8);
        w.Word(16 + pointerSize, modulesAddress, pointerSize == 8);
        w.U8(31, 0);
        return w.ToArray();
    }

    /// <summary>A Go string header: data pointer, then length.</summary>
    public static byte[] StringHeader(int pointerSize, bool bigEndian, ulong data, int length)
    {
        var w = new ByteWriter(bigEndian);
        w.Word(0, data, pointerSize == 8);
        w.Word(pointerSize, (ulong)length, pointerSize == 8);
        return w.ToArray();
    }

    private static byte[] Header(int pointerSize, int flags)
    {
        var header = new byte[32];
        Magic.CopyTo(header, 0);
        header[14] = (byte)pointerSize;
        header[15] = (byte)flags;
        return header;
    }
}
