using System.IO.Compression;

namespace Strata.Vulnerabilities.Store;

/// <summary>
/// A record's JSON as stored: deflated when that saves at least a tenth of it (nearly always: OSV records are prose
/// and repeated keys), else as it came.
/// </summary>
internal static class RecordBody
{
    public const int Raw = 0;
    public const int Deflated = 1;

    public static (int Encoding, byte[] Body) Encode(ReadOnlySpan<byte> json)
    {
        using var packed = new MemoryStream(json.Length / 2 + 64);
        using (var deflate = new DeflateStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(json);
        }
        return packed.Length < json.Length - json.Length / 10 ? (Deflated, packed.ToArray()) : (Raw, json.ToArray());
    }

    public static byte[] Decode(int encoding, byte[] body, string what)
    {
        switch (encoding)
        {
            case Raw:
                return body;
            case Deflated:
                using (var inflate = new DeflateStream(new MemoryStream(body), CompressionMode.Decompress))
                using (var json = new MemoryStream(body.Length * 4))
                {
                    try
                    {
                        inflate.CopyTo(json);
                    }
                    catch (InvalidDataException e)
                    {
                        throw new Images.StrataException($"{what}: stored record is damaged ({e.Message}); {StoreSchema.RebuildHint}");
                    }
                    return json.ToArray();
                }
            default:
                throw new Images.StrataException($"{what}: stored record has an unknown encoding {encoding}; {StoreSchema.RebuildHint}");
        }
    }
}
