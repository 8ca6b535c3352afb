using System.Text;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Fuzz;

/// <summary>
/// Serves a built image from a loopback registry stand-in, and plans what that registry gets wrong: content types,
/// missing blobs, truncated manifests, blobs that are not what their digest says, indexes naming nothing.
/// </summary>
internal static class RegistryLies
{
    private const string Repository = "fuzz";
    private const string ManifestType = "application/vnd.oci.image.manifest.v1+json";

    public static void Plan(FileEdits files, Random random, CaseLog log)
    {
        var kind = random.Next(5);
        files.Registry = served =>
        {
            var tag = $"/v2/{Repository}/manifests/{ImageFormats.Tag}";
            var blobs = served.Keys.Where(p => p.Contains("/blobs/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            switch (kind)
            {
                case 0:
                    var type = new[] { "text/plain", "application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.v1+json", "" }[random.Next(4)];
                    log.Add($"registry: manifest served as '{type}'");
                    served[tag] = (served[tag].Bytes, type);
                    break;
                case 1:
                    var missing = blobs[random.Next(blobs.Count)];
                    log.Add($"registry: {missing} answers 404");
                    log.Refuse("a registry that lacks a blob the manifest names", Reach.Blobs);
                    served[missing] = (null, "");
                    break;
                case 2:
                    var manifest = served[tag].Bytes!;
                    var keep = random.Next(manifest.Length);
                    log.Add($"registry: manifest cut to {keep} of {manifest.Length} bytes");
                    log.Refuse("a truncated manifest", Reach.Manifest);
                    served[tag] = (manifest[..keep], served[tag].ContentType);
                    break;
                case 3:
                    var lying = blobs[random.Next(blobs.Count)];
                    var bytes = (byte[])served[lying].Bytes!.Clone();
                    bytes[random.Next(bytes.Length)] ^= 0x04;
                    log.Add($"registry: {lying} serves bytes that do not match its digest");
                    log.Refuse("a registry blob that does not match its digest", Reach.Blobs);
                    served[lying] = (bytes, served[lying].ContentType);
                    break;
                default:
                    var index = Encoding.UTF8.GetBytes(new JsonObject
                    {
                        ["schemaVersion"] = 2,
                        ["mediaType"] = "application/vnd.oci.image.index.v1+json",
                        ["manifests"] = new JsonArray(new JsonObject
                        {
                            ["mediaType"] = ManifestType,
                            ["digest"] = OciImageBuilder.Sha256("not served"u8.ToArray()),
                            ["size"] = 10,
                            ["platform"] = new JsonObject { ["os"] = "linux", ["architecture"] = "amd64" },
                        }),
                    }.ToJsonString());
                    log.Add("registry: tag names an index whose only manifest is not served");
                    log.Refuse("an index naming a manifest the registry lacks", Reach.Manifest);
                    served[tag] = (index, "application/vnd.oci.image.index.v1+json");
                    break;
            }
        };
    }

    public static void Serve(StaticBlobServer server, BuiltImage built, FileEdits files)
    {
        var served = new Dictionary<string, (byte[]? Bytes, string ContentType)>(StringComparer.Ordinal)
        {
            [$"/v2/{Repository}/manifests/{ImageFormats.Tag}"] = (built.Manifest, ManifestType),
            [$"/v2/{Repository}/manifests/{built.ManifestDigest}"] = (built.Manifest, ManifestType),
        };
        foreach (var (digest, bytes) in built.Blobs.Where(b => b.Key != built.ManifestDigest))
        {
            served[$"/v2/{Repository}/blobs/{digest}"] = (bytes, "application/octet-stream");
        }
        files.Registry?.Invoke(served);
        foreach (var (path, (bytes, contentType)) in served)
        {
            if (bytes is not null)
            {
                server.Serve(path, bytes, contentType);
            }
        }
    }
}
