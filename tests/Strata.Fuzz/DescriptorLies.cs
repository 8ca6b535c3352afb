using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Fuzz;

/// <summary>
/// A manifest that lies about one blob (the config or a layer): its size, its digest, its algorithm, its media type,
/// or stored bytes that no longer match. Each lie but the media type is a defect strata must refuse.
/// </summary>
internal static class DescriptorLies
{
    public static void Apply(FuzzImage image, Random random, CaseLog log, Sandbox sandbox, bool local)
    {
        var layer = image.Layers.Count > 0 && random.Next(3) > 0 ? random.Next(image.Layers.Count) : -1;
        var what = layer < 0 ? "config" : $"layer {layer}";
        var reach = layer < 0 ? Reach.Manifest : Reach.Blobs;
        JsonNode Descriptor(JsonObject manifest) => layer < 0 ? manifest["config"]! : manifest["layers"]![layer]!;
        byte[] Blob(Dictionary<string, byte[]> blobs, string configDigest) => blobs[layer < 0 ? configDigest : image.Layers[layer].Digest];
        void Edit(Action<JsonNode> edit) => image.EditManifest = manifest =>
        {
            edit(Descriptor(manifest));
            return Encoding.UTF8.GetBytes(manifest.ToJsonString());
        };
        switch (random.Next(9))
        {
            case 0:
                log.Add($"{what}: stored bytes changed after the digest was taken");
                log.Refuse("a blob that does not match its digest", reach);
                image.EditBlobs = (blobs, config) =>
                {
                    var bytes = (byte[])Blob(blobs, config).Clone();
                    bytes[random.Next(bytes.Length)] ^= 0x20;
                    blobs[layer < 0 ? config : image.Layers[layer].Digest] = bytes;
                };
                break;
            case 1:
                var size = new long[] { -1, 0, 1L << 40, long.MaxValue, -5 }[random.Next(5)];
                var delta = random.Next(2) == 0 ? random.Next(1, 1000) : -random.Next(1, 100);
                var useDelta = random.Next(2) == 0;
                log.Add($"{what}: size lies ({(useDelta ? $"off by {delta}" : size.ToString(System.Globalization.CultureInfo.InvariantCulture))})");
                log.Refuse("a descriptor whose size is wrong", reach);
                Edit(d => d["size"] = useDelta ? Math.Max(0, long.Parse(d["size"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) + delta) : size);
                break;
            case 2:
            case 3:
            case 4:
                var honest = random.Next(3) == 0;
                var algorithm = honest ? "sha512" : new[] { "sha512", "md5", "SHA256", "sha256" }[random.Next(4)];
                string? planted = null;
                Edit(d =>
                {
                    planted = Restate(layer < 0 ? image.LastConfig : image.Layers[layer].Blob, algorithm, honest);
                    d["digest"] = planted;
                });
                image.EditBlobs = (blobs, config) => blobs[planted!] = Blob(blobs, config);
                log.Add($"{what}: digest re-stated with algorithm {algorithm}{(honest ? " (correct sha512)" : " (wrong or malformed)")}, blob stored under it");
                if (!honest)
                {
                    log.Refuse($"a {algorithm} digest that is wrong, unknown or malformed", reach);
                }
                else if (local)
                {
                    log.Accept("a correct sha512 digest, which the OCI image spec registers");
                }
                break;
            case 5:
                var traversal = new[] { "sha256:../../../canary/", "sha256:../../../../canary/", "sha256/../../../../canary:", "../../../../canary:" }[random.Next(4)] + Sandbox.LeakName;
                log.Add($"{what}: digest '{traversal}'");
                log.Refuse("a digest holding a path", reach);
                Edit(d =>
                {
                    d["digest"] = traversal;
                    d["size"] = new FileInfo(sandbox.LeakTar).Length;
                });
                break;
            case 6:
                var malformed = new[] { "sha256:", "sha256:abc", ":", "", "sha256+b64:ungBhlXIGI4KoGzE1yI2Hw==", "sha256:" + new string('g', 64), "sha256:" + new string('a', 65) }[random.Next(7)];
                log.Add($"{what}: digest '{malformed}'");
                log.Refuse("a malformed digest", reach);
                Edit(d => d["digest"] = malformed);
                break;
            case 7 when image.Layers.Count > 0:
                log.Add("config digest and size point at layer 0's blob");
                log.Refuse("a config that is a layer", Reach.Manifest);
                var first = image.Layers[0];
                image.EditManifest = manifest =>
                {
                    manifest["config"]!["digest"] = first.Digest;
                    manifest["config"]!["size"] = first.Blob.Length;
                    return Encoding.UTF8.GetBytes(manifest.ToJsonString());
                };
                break;
            default:
                var mediaType = new[]
                {
                    "application/vnd.oci.image.layer.v1.tar+gzip", "application/vnd.oci.image.layer.v1.tar+zstd", "application/vnd.oci.image.layer.v1.tar",
                    "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip", "application/x-evil", "",
                }[random.Next(6)];
                log.Add($"{what}: media type '{mediaType}'");
                Edit(d => d["mediaType"] = mediaType);
                break;
        }
    }

    /// <summary>The blob's digest in another algorithm or spelling; unless <paramref name="honest"/>, of other bytes.</summary>
    private static string Restate(byte[] content, string algorithm, bool honest)
    {
        byte[] hashed = honest ? content : [.. content, 0];
        return algorithm switch
        {
            "sha512" => "sha512:" + Convert.ToHexStringLower(SHA512.HashData(hashed)),
            "md5" => "md5:" + Convert.ToHexStringLower(MD5.HashData(hashed)),
            "SHA256" => OciImageBuilder.Sha256(hashed).ToUpperInvariant(),
            _ => "sha256:" + OciImageBuilder.Sha256(content)["sha256:".Length..].ToUpperInvariant(),
        };
    }
}
