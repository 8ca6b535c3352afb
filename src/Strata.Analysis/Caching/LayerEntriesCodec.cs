using System.IO.Compression;
using Strata.Analysis.Model;
using Strata.Images;
using Strata.Images.Layers;
using Strata.Images.Model;
using Strata.Images.Sources;

namespace Strata.Analysis.Caching;

/// <summary>
/// A layer as read (its blob's digest and sizes, and every entry) as compressed bytes. Only what the layer's bytes
/// decide is kept: the index, Dockerfile line and origin are the restoring image's own.
/// </summary>
public static class LayerEntriesCodec
{
    private const byte FormatVersion = 1;

    /// <summary>The version of the code that reads layers into entries: the analysis and the image decoding below it.</summary>
    public static string Version { get; } = CodeVersion.Of(typeof(LayerEntriesCodec), typeof(LayerDecoder));

    public static byte[] Encode(LayerAnalysis layer)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true)))
        {
            writer.Write(FormatVersion);
            writer.Write(layer.Digest.ToString());
            writer.Write(layer.CompressedSize);
            writer.Write(layer.UncompressedSize);
            writer.Write((byte)layer.Compression);
            writer.Write(layer.Entries.Count);
            foreach (var entry in layer.Entries)
            {
                writer.Write(entry.Path);
                writer.Write((byte)entry.Kind);
                writer.Write(entry.TypeFlag);
                writer.Write(entry.Size);
                writer.Write(entry.Mode);
                writer.Write(entry.Uid);
                writer.Write(entry.Gid);
                writer.Write(entry.LinkTarget is not null);
                writer.Write(entry.LinkTarget ?? "");
                writer.Write(entry.ContentHash);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The layer as <paramref name="blob"/> of this image, or null when the bytes were kept for another blob.</summary>
    public static LayerAnalysis? Decode(byte[] data, LayerBlob blob)
    {
        try
        {
            using var reader = new BinaryReader(new ZLibStream(new MemoryStream(data), CompressionMode.Decompress));
            if (reader.ReadByte() != FormatVersion)
            {
                return null;
            }
            var digest = Digest.Parse(reader.ReadString(), "layer cache");
            if (blob.ExpectedDigest != digest)
            {
                return null;
            }
            var compressedSize = reader.ReadInt64();
            var uncompressedSize = reader.ReadInt64();
            var compression = (Compression)reader.ReadByte();
            var count = reader.ReadInt32();
            if (count < 0 || !Enum.IsDefined(compression))
            {
                return null;
            }
            var entries = new List<FileEntry>(Math.Min(count, 1 << 20));
            for (var i = 0; i < count; i++)
            {
                var path = reader.ReadString();
                var kind = (EntryKind)reader.ReadByte();
                var typeFlag = reader.ReadByte();
                var size = reader.ReadInt64();
                var mode = reader.ReadInt32();
                var uid = reader.ReadInt32();
                var gid = reader.ReadInt32();
                var hasLink = reader.ReadBoolean();
                var link = reader.ReadString();
                entries.Add(new FileEntry
                {
                    Path = path, Kind = kind, TypeFlag = typeFlag, Size = size, Mode = mode, Uid = uid, Gid = gid,
                    LinkTarget = hasLink ? link : null, ContentHash = reader.ReadUInt64(),
                });
            }
            return new LayerAnalysis
            {
                Index = blob.Index,
                Digest = digest,
                DiffId = blob.DiffId,
                CompressedSize = compressedSize,
                UncompressedSize = uncompressedSize,
                Compression = compression,
                CreatedBy = blob.CreatedBy,
                Origin = blob.Origin,
                Entries = entries,
            };
        }
        catch (Exception e) when (e is IOException or InvalidDataException or StrataException)
        {
            return null;
        }
    }
}
