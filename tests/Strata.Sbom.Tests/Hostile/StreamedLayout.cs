using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Strata.Sbom.Tests.Hostile;

/// <summary>
/// An OCI layout of one gzip layer written as it is generated: the tar streams through gzip to disk, hashed on the
/// way for its diff_id, so that a layer of gigabytes of zeros costs a few MB of disk and no memory.
/// </summary>
internal static class StreamedLayout
{
    public static void Write(string directory, IEnumerable<(string Path, Stream Content)> files)
    {
        var blobs = Path.Combine(directory, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        var layerPath = Path.Combine(blobs, "layer.tmp");
        using var diffId = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var file = File.Create(layerPath))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var hashing = new HashingStream(gzip, diffId))
        using (var tar = new TarWriter(hashing, TarEntryFormat.Pax))
        {
            foreach (var (path, content) in files)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = content, Mode = (UnixFileMode)0x1A4 });
            }
        }
        var layerDigest = Sha256(File.ReadAllBytes(layerPath));
        File.Move(layerPath, Path.Combine(blobs, layerDigest[7..]));
        var config = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray("sha256:" + Convert.ToHexStringLower(diffId.GetHashAndReset())) },
            ["history"] = new JsonArray(new JsonObject { ["created_by"] = "RUN step 0" }),
        }.ToJsonString());
        var manifest = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = Descriptor("application/vnd.oci.image.config.v1+json", config),
            ["layers"] = new JsonArray(new JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.layer.v1.tar+gzip",
                ["digest"] = layerDigest,
                ["size"] = new FileInfo(Path.Combine(blobs, layerDigest[7..])).Length,
            }),
        }.ToJsonString());
        File.WriteAllBytes(Path.Combine(blobs, Sha256(config)[7..]), config);
        File.WriteAllBytes(Path.Combine(blobs, Sha256(manifest)[7..]), manifest);
        File.WriteAllText(Path.Combine(directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["manifests"] = new JsonArray(Descriptor("application/vnd.oci.image.manifest.v1+json", manifest)),
        };
        File.WriteAllText(Path.Combine(directory, "index.json"), index.ToJsonString());
    }

    private static JsonObject Descriptor(string mediaType, byte[] bytes) =>
        new() { ["mediaType"] = mediaType, ["digest"] = Sha256(bytes), ["size"] = bytes.Length };

    private static string Sha256(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Passes writes on, hashing them.</summary>
    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            hash.AppendData(buffer, offset, count);
            inner.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
