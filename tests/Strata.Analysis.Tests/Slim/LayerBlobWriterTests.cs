using System.IO.Compression;
using Strata.Images;
using Strata.Images.Layers;
using Strata.TestKit;

namespace Strata.Analysis.Tests.Slim;

public sealed class LayerBlobWriterTests
{
    [Fact]
    public async Task Gzip_blobs_have_a_fixed_header_and_a_trailer_gunzip_accepts()
    {
        using var temp = new TempDirectory();
        var tar = new LayerBuilder().File("a", new string('a', 70_000)).ToTar();
        WrittenBlob blob;
        using (var writer = new LayerBlobWriter(Path.Combine(temp.Path, "blob"), new LayerCompressionOptions(Compression.Gzip, 9)))
        {
            writer.Tar.Write(tar);
            blob = writer.Finish();
        }

        var bytes = File.ReadAllBytes(blob.Path);
        // RFC 1952: magic, deflate, no flags, MTIME 0, XFL 0, OS 255 (unknown), so no machine or moment shows.
        Assert.Equal(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff }, bytes[..10]);
        Assert.Equal("application/vnd.oci.image.layer.v1.tar+gzip", blob.MediaType);
        // GNU gzip checks the CRC-32 and length in the trailer.
        using (var gzip = System.Diagnostics.Process.Start("gzip", ["-t", blob.Path]))
        {
            await gzip.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, gzip.ExitCode);
        }
        using var inflated = new MemoryStream();
        using (var stream = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
        {
            stream.CopyTo(inflated);
        }
        Assert.Equal(tar, inflated.ToArray());
    }

    [Theory]
    [InlineData(Compression.Gzip, 10, "--compression-level 10: gzip takes levels 0 to 9")]
    [InlineData(Compression.Zstd, 0, "--compression-level 0: zstd takes levels 1 to 22")]
    public void A_level_outside_the_formats_range_is_refused_naming_the_option(Compression compression, int level, string message) =>
        Assert.Equal(message, Assert.Throws<StrataException>(() => LayerCompressionOptions.Checked(compression, level)).Message);
}
