using Strata.Analysis.Advising;
using Strata.Images;

namespace Strata.Analysis.Caching;

/// <summary>One layer's secret-file hits as bytes, for the layer cache (the layer index is the restoring image's).</summary>
internal static class SecretHitCodec
{
    private const byte FormatVersion = 1;

    public static byte[] Encode(IEnumerable<SecretFileHit> hits)
    {
        var list = hits.ToList();
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(FormatVersion);
            writer.Write(list.Count);
            foreach (var hit in list)
            {
                writer.Write(hit.Path);
                writer.Write((int)hit.Kind);
                writer.Write(hit.Hint);
            }
        }
        return buffer.ToArray();
    }

    public static IReadOnlyList<SecretFileHit> Decode(byte[] data)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(data));
            if (reader.ReadByte() != FormatVersion)
            {
                throw new InvalidDataException("unknown format");
            }
            var hits = new List<SecretFileHit>();
            for (var count = reader.ReadInt32(); count > 0; count--)
            {
                var path = reader.ReadString();
                var kind = (SecretFileKind)reader.ReadInt32();
                hits.Add(new SecretFileHit(0, path, Enum.IsDefined(kind) ? kind : throw new InvalidDataException("unknown kind"), reader.ReadString()));
            }
            return hits;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new StrataException($"layer cache: part secrets does not decode ({e.Message})", e);
        }
    }
}
