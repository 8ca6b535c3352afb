using System.Text;

namespace Strata.Analysis.Slim;

/// <summary>
/// A new whiteout entry (<c>DIR/.wh.NAME</c>, an empty regular file, as the OCI image spec defines it) with fixed
/// metadata: mode 0, root, mtime 0, so the same removal always gives the same bytes. A name longer than the header's
/// field goes in a PAX <c>path</c> record.
/// </summary>
internal static class WhiteoutEntry
{
    public static List<RawTarBlock> For(string path)
    {
        var slash = path.LastIndexOf('/');
        var name = slash < 0 ? ".wh." + path : $"{path[..slash]}/.wh.{path[(slash + 1)..]}";
        var bytes = Encoding.UTF8.GetBytes(name);
        var fits = bytes.Length <= TarFields.FieldLength;
        var header = Header(fits ? bytes : Encoding.ASCII.GetBytes("whiteout"), (byte)'0', 0);
        if (fits)
        {
            return [new RawTarBlock(header, [])];
        }
        var data = TarFields.PaxData([("path", bytes)]);
        var padded = new byte[(data.Length + TarFields.Block - 1) / TarFields.Block * TarFields.Block];
        data.CopyTo(padded, 0);
        return [new RawTarBlock(Header(Encoding.ASCII.GetBytes("PaxHeader"), (byte)'x', data.Length), padded), new RawTarBlock(header, [])];
    }

    private static byte[] Header(byte[] name, byte type, long size)
    {
        var header = new byte[TarFields.Block];
        name.CopyTo(header, TarFields.NameOffset);
        TarFields.WriteOctal(header.AsSpan(100, 8), 0);
        TarFields.WriteOctal(header.AsSpan(108, 8), 0);
        TarFields.WriteOctal(header.AsSpan(116, 8), 0);
        TarFields.WriteOctal(header.AsSpan(TarFields.SizeOffset, 12), size);
        TarFields.WriteOctal(header.AsSpan(136, 12), 0);
        header[TarFields.TypeOffset] = type;
        "ustar\0"u8.CopyTo(header.AsSpan(257));
        "00"u8.CopyTo(header.AsSpan(263));
        TarFields.Seal(header);
        return header;
    }
}
