using System.Diagnostics;
using System.IO.Compression;
using Strata.Images.Layers;
using Strata.TestKit;

namespace Strata.Images.Tests;

/// <summary>
/// Written layers are compressed on several threads, yet their bytes must depend on the tar and the options only:
/// the same input gives the same digest on any machine, whatever its cores or the sizes of the writes.
/// </summary>
public sealed class LayerBlobDeterminismTests
{
    /// <summary>3.5 MiB of half-compressible bytes: four gzip pieces, the last one short.</summary>
    private static byte[] Tar()
    {
        var bytes = new byte[(7 << 20) / 2];
        var random = new Random(7);
        for (var i = 0; i < bytes.Length; i += 2)
        {
            bytes[i] = (byte)random.Next(256);
            bytes[i + 1] = (byte)(i % 251);
        }
        return bytes;
    }

    private static WrittenBlob Write(string path, LayerCompressionOptions options, byte[] tar, int writeSize, int zstdWorkers = 2)
    {
        using var writer = new LayerBlobWriter(path, options, zstdWorkers);
        for (var offset = 0; offset < tar.Length; offset += writeSize)
        {
            writer.Tar.Write(tar, offset, Math.Min(writeSize, tar.Length - offset));
        }
        return writer.Finish();
    }

    [Fact]
    public async Task Gzip_in_pieces_is_one_member_gnu_gzip_accepts_and_the_same_bytes_whatever_the_write_sizes()
    {
        using var temp = new TempDirectory();
        var tar = Tar();

        var a = Write(temp.File("a"), new LayerCompressionOptions(Compression.Gzip), tar, 1 << 16);
        var b = Write(temp.File("b"), new LayerCompressionOptions(Compression.Gzip), tar, 333_333);

        Assert.Equal(File.ReadAllBytes(a.Path), File.ReadAllBytes(b.Path));
        using (var gzip = Process.Start("gzip", ["-t", a.Path]))
        {
            await gzip.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, gzip.ExitCode);
        }
        // One member: the deflate stream after the 10-byte header alone holds the whole tar (a second member would
        // start after the first one's final block), and the trailer is the CRC-32 and length of all of it.
        var blob = File.ReadAllBytes(a.Path);
        using var inflated = new MemoryStream();
        using (var deflate = new DeflateStream(new MemoryStream(blob, 10, blob.Length - 18), CompressionMode.Decompress))
        {
            deflate.CopyTo(inflated);
        }
        Assert.Equal(tar, inflated.ToArray());
        Assert.Equal(System.IO.Hashing.Crc32.Hash(tar), blob[^8..^4]);
        Assert.Equal(BitConverter.GetBytes(tar.Length), blob[^4..]);
        Assert.Equal(Images.Model.Digest.ComputeSha256(tar), a.DiffId);
    }

    [Fact]
    public void Zstd_gives_the_same_frames_with_one_worker_or_several()
    {
        using var temp = new TempDirectory();
        var tar = Tar();
        var options = new LayerCompressionOptions(Compression.Zstd, 3);

        var one = Write(temp.File("one"), options, tar, 1 << 16, zstdWorkers: 1);
        var four = Write(temp.File("four"), options, tar, 100_000, zstdWorkers: 4);

        Assert.Equal(File.ReadAllBytes(one.Path), File.ReadAllBytes(four.Path));
        using var inflated = new MemoryStream();
        using (var stream = new ZstdSharp.DecompressionStream(File.OpenRead(one.Path)))
        {
            stream.CopyTo(inflated);
        }
        Assert.Equal(tar, inflated.ToArray());
    }
}
