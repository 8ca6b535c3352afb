using System.Buffers.Binary;

namespace Strata.Sbom.Tests.Os;

/// <summary>
/// Lays out an rpm NDB Packages.db as rpm's ndb backend does (rpmpkg.c), for headers made by real rpm: Debian's
/// rpm cannot write NDB. One header per package index; the checksum in each blob's tail is left zero, since Strata does not read it.
/// </summary>
internal static class Ndb
{
    public static byte[] Write(IReadOnlyList<byte[]> headers, int slotPages = 1)
    {
        var blobsStart = slotPages * 4096;
        var blobs = new MemoryStream();
        var slots = new List<(uint Package, uint Block, uint Blocks)>();
        for (var i = 0; i < headers.Count; i++)
        {
            var block = (uint)((blobsStart + blobs.Length) / 16);
            // Head (magic, package index, generation, length), the header, tail (checksum, length, magic "BlbE").
            var blob = new byte[(16 + headers[i].Length + 12 + 15) / 16 * 16];
            BinaryPrimitives.WriteUInt32LittleEndian(blob, 'B' | ('l' << 8) | ('b' << 16) | ((uint)'S' << 24));
            BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(4), (uint)(i + 1));
            BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(12), (uint)headers[i].Length);
            headers[i].CopyTo(blob, 16);
            BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(16 + headers[i].Length + 4), (uint)headers[i].Length);
            BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(16 + headers[i].Length + 8), 'B' | ('l' << 8) | ('b' << 16) | ((uint)'E' << 24));
            blobs.Write(blob);
            slots.Add(((uint)(i + 1), block, (uint)(blob.Length / 16)));
        }
        var file = new byte[blobsStart + blobs.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(file, 'R' | ('p' << 8) | ('m' << 16) | ((uint)'P' << 24));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(12), (uint)slotPages);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(16), (uint)(headers.Count + 1));
        for (var at = 32; at < blobsStart; at += 16)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at), 'S' | ('l' << 8) | ('o' << 16) | ((uint)'t' << 24));
        }
        for (var i = 0; i < slots.Count; i++)
        {
            // Leave the first used slot free, as a deleted package would.
            var at = 32 + (16 * (i + 1));
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at + 4), slots[i].Package);
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at + 8), slots[i].Block);
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at + 12), slots[i].Blocks);
        }
        blobs.ToArray().CopyTo(file, blobsStart);
        return file;
    }
}
