using System.IO.Compression;
using Strata.TestKit;

namespace Strata.Fuzz;

/// <summary>One layer as the fuzzer holds it: its tar, and the blob stored for it with that blob's digest.</summary>
internal sealed record FuzzLayer(byte[] Tar, byte[] Blob, LayerCompression Compression, string CreatedBy)
{
    public string Digest { get; } = OciImageBuilder.Sha256(Blob);

    public string DiffId { get; } = OciImageBuilder.Sha256(Tar);

    public string MediaType => Compression switch
    {
        LayerCompression.Gzip => "application/vnd.oci.image.layer.v1.tar+gzip",
        LayerCompression.Zstd => "application/vnd.oci.image.layer.v1.tar+zstd",
        _ => "application/vnd.oci.image.layer.v1.tar",
    };

    /// <summary>A layer whose blob, digest and diff_id all agree with <paramref name="tar"/>, so a defect in it reaches the tar reader.</summary>
    public static FuzzLayer FromTar(byte[] tar, LayerCompression compression, string createdBy) =>
        new(tar, OciImageBuilder.Compress(tar, compression), compression, createdBy);

    public static FuzzLayer FromBlob(byte[] blob, string createdBy)
    {
        if (blob is [0x1f, 0x8b, ..])
        {
            using var gzip = new GZipStream(new MemoryStream(blob), CompressionMode.Decompress);
            using var tar = new MemoryStream();
            gzip.CopyTo(tar);
            return new FuzzLayer(tar.ToArray(), blob, LayerCompression.Gzip, createdBy);
        }
        if (blob is [0x28, 0xb5, 0x2f, 0xfd, ..])
        {
            using var decompressor = new ZstdSharp.Decompressor();
            return new FuzzLayer(decompressor.Unwrap(blob).ToArray(), blob, LayerCompression.Zstd, createdBy);
        }
        return new FuzzLayer(blob, blob, LayerCompression.None, createdBy);
    }

    public FuzzLayer WithTar(byte[] tar) => FromTar(tar, Compression, CreatedBy);
}
