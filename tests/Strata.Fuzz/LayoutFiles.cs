using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Fuzz;

/// <summary>
/// Defects of an OCI layout's own files: a broken index.json or oci-layout, index trees too deep or too wide,
/// a manifest that no longer matches its digest, and blobs that are FIFOs, devices or folders.
/// </summary>
internal static class LayoutFiles
{
    public static void Plan(FileEdits files, SourceKind source, Random random, CaseLog log)
    {
        var special = source == SourceKind.OciLayout;
        switch (random.Next(special ? 7 : 5))
        {
            case 0:
                log.Add("index.json:");
                files.Index = built => JsonMutator.Mutate(Encoding.UTF8.GetBytes(ImageFormats.Index(built).ToJsonString()), random, log);
                break;
            case 1:
                var layoutFile = new[] { "not json", """{"imageLayoutVersion":"9.9.9"}""" }[random.Next(2)];
                log.Add($"oci-layout is '{layoutFile}'");
                log.Refuse("an oci-layout file that is not JSON or names an unknown version", Reach.Manifest);
                files.OciLayout = Encoding.UTF8.GetBytes(layoutFile);
                break;
            case 2:
                var (depth, width) = random.Next(2) == 0 ? (12, 1) : (7, 6);
                log.Add($"index tree {depth} levels deep, each index naming its child {width} times");
                if (depth > 8)
                {
                    log.Refuse("an index tree deeper than 8", Reach.Manifest);
                }
                files.AfterLayout = (built, layout) => NestIndexes(built, layout, depth, width);
                break;
            case 3:
            case 4:
                log.Add("manifest blob changed after its digest was taken");
                log.Refuse("a manifest that does not match its digest", Reach.Manifest);
                files.AfterLayout = (built, layout) =>
                {
                    var path = BlobPath(layout, built.ManifestDigest);
                    var bytes = File.ReadAllBytes(path);
                    bytes[random.Next(bytes.Length)] ^= 0x01;
                    File.WriteAllBytes(path, bytes);
                };
                break;
            case 5:
                var onLayer = random.Next(3) > 0;
                var kind = new[] { "fifo", "/dev/zero", "folder", "dangling" }[random.Next(4)];
                log.Add($"{(onLayer ? "a layer" : "the manifest")} blob replaced by a {kind}");
                log.Refuse("a blob that is not a regular file", onLayer ? Reach.Blobs : Reach.Manifest);
                files.AfterLayout = (built, layout) =>
                {
                    var digest = onLayer && built.LayerDigests.Count > 0 ? built.LayerDigests[random.Next(built.LayerDigests.Count)] : built.ManifestDigest;
                    Replace(BlobPath(layout, digest), kind);
                };
                break;
            default:
                var what = new[] { "fifo", "/dev/zero", "folder" }[random.Next(3)];
                log.Add($"index.json replaced by a {what}");
                log.Refuse("an index.json that is not a regular file", Reach.Manifest);
                files.AfterLayout = (_, layout) => Replace(Path.Combine(layout, "index.json"), what);
                break;
        }
    }

    private static string BlobPath(string layout, string digest) => Path.Combine(layout, "blobs", "sha256", ImageFormats.Hex(digest));

    private static void Replace(string path, string kind)
    {
        File.Delete(path);
        switch (kind)
        {
            case "fifo":
                using (var mkfifo = Process.Start("mkfifo", [path]))
                {
                    mkfifo.WaitForExit();
                }
                break;
            case "folder":
                Directory.CreateDirectory(path);
                break;
            case "dangling":
                File.CreateSymbolicLink(path, "/nonexistent/strata-fuzz");
                break;
            default:
                File.CreateSymbolicLink(path, kind);
                break;
        }
    }

    /// <summary>Puts the image's manifest at the bottom of a tree of indexes; index.json names the top one.</summary>
    private static void NestIndexes(BuiltImage built, string layout, int depth, int width)
    {
        var child = new JsonObject
        {
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["digest"] = built.ManifestDigest,
            ["size"] = built.Manifest.Length,
            ["platform"] = new JsonObject { ["os"] = "linux", ["architecture"] = "amd64" },
        };
        for (var level = 0; level < depth; level++)
        {
            var manifests = new JsonArray();
            for (var i = 0; i < width; i++)
            {
                manifests.Add(child.DeepClone());
            }
            var bytes = Encoding.UTF8.GetBytes(new JsonObject
            {
                ["schemaVersion"] = 2,
                ["mediaType"] = "application/vnd.oci.image.index.v1+json",
                ["manifests"] = manifests,
            }.ToJsonString());
            var digest = OciImageBuilder.Sha256(bytes);
            File.WriteAllBytes(BlobPath(layout, digest), bytes);
            child = new JsonObject { ["mediaType"] = "application/vnd.oci.image.index.v1+json", ["digest"] = digest, ["size"] = bytes.Length };
        }
        child["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = ImageFormats.Tag };
        File.WriteAllText(Path.Combine(layout, "index.json"), new JsonObject { ["schemaVersion"] = 2, ["manifests"] = new JsonArray(child) }.ToJsonString());
    }
}
