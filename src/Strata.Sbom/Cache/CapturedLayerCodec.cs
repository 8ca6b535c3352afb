using System.Text.Json;
using Strata.Images;
using Strata.Sbom.Capture;
using Strata.Sbom.Model;

namespace Strata.Sbom.Cache;

/// <summary>
/// One cataloger's findings from one layer as bytes: the files captured for it (content included) and the packages of
/// the files it cataloged on arrival, as JSON so that every property of <see cref="Package"/> is kept.
/// </summary>
internal static class CapturedLayerCodec
{
    private const byte FormatVersion = 1;

    public sealed record FileRecord(int Id, string Path, long Size, int Mode, bool Superseded, byte[] Content);

    public sealed record SavedLayer(int Layer, IReadOnlyList<FileRecord> Held, IReadOnlyList<(FileRecord File, Package Package)> Arrived);

    public static byte[] Encode(int layer, IReadOnlyList<(int Id, CapturedFile File)> held, IReadOnlyList<(int Id, CapturedFile File, Package Package)> arrived)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(FormatVersion);
            writer.Write(layer);
            writer.Write(held.Count);
            foreach (var (id, file) in held)
            {
                WriteFile(writer, id, file);
            }
            writer.Write(arrived.Count);
            foreach (var (id, file, package) in arrived)
            {
                WriteFile(writer, id, file);
                writer.Write(JsonSerializer.Serialize(package));
            }
        }
        return buffer.ToArray();
    }

    public static SavedLayer Decode(byte[] data, string part)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(data));
            if (reader.ReadByte() != FormatVersion)
            {
                throw new InvalidDataException("unknown format");
            }
            var layer = reader.ReadInt32();
            var held = new List<FileRecord>();
            for (var count = Count(reader); count > 0; count--)
            {
                held.Add(ReadFile(reader));
            }
            var arrived = new List<(FileRecord, Package)>();
            for (var count = Count(reader); count > 0; count--)
            {
                var file = ReadFile(reader);
                var package = JsonSerializer.Deserialize<Package>(reader.ReadString()) ?? throw new InvalidDataException("null package");
                arrived.Add((file, package));
            }
            return new SavedLayer(layer, held, arrived);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException or ArgumentException or OverflowException)
        {
            throw new StrataException($"layer cache: part {part} does not decode ({e.Message})", e);
        }
    }

    private static void WriteFile(BinaryWriter writer, int id, CapturedFile file)
    {
        writer.Write(id);
        writer.Write(file.Path);
        writer.Write(file.Size);
        writer.Write(file.Mode);
        writer.Write(file.Superseded);
        writer.Write(file.Content.Length);
        writer.Write(file.Content);
    }

    private static FileRecord ReadFile(BinaryReader reader)
    {
        var id = reader.ReadInt32();
        var path = reader.ReadString();
        var size = reader.ReadInt64();
        var mode = reader.ReadInt32();
        var superseded = reader.ReadBoolean();
        var length = Count(reader);
        var content = reader.ReadBytes(length);
        return content.Length == length ? new FileRecord(id, path, size, mode, superseded, content) : throw new InvalidDataException("truncated");
    }

    private static int Count(BinaryReader reader) =>
        reader.ReadInt32() is var n and >= 0 ? n : throw new InvalidDataException("negative count");
}
