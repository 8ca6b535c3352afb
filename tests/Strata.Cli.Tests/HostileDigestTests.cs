using System.Text;
using System.Text.Json.Nodes;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>
/// Digests in a local layout: sha256 and sha512 are both verified wherever a digest is (layer, diff_id, config,
/// manifest), and anything that is not one of the two is refused where it is found.
/// </summary>
public sealed class HostileDigestTests
{
    private static byte[] Tar() => new LayerBuilder().Directory("etc").File("etc/hostname", "strata\n").ToTar();

    /// <summary>The same bytes with one byte changed: same size, other digest.</summary>
    private static byte[] Flipped(byte[] bytes, int at)
    {
        var copy = bytes.ToArray();
        copy[at] ^= 0x20;
        return copy;
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData("sha256")]
    [InlineData("sha512")]
    public async Task An_image_with_every_digest_in_one_algorithm_is_read_and_verified(string algorithm)
    {
        using var temp = new TempDirectory();
        var tar = Tar();
        var layout = HandLayout.Image(temp.File("image"), tar, algorithm);

        var result = await CliRunner.RunAsync(["analyze", $"oci:{layout.Root}:latest", "--json", "-"]);

        BadInputAssert.Accepted(result);
        var report = JsonNode.Parse(result.StandardOutput)!.ToJsonString();
        Assert.Contains(HandLayout.Hash(algorithm, tar), report, StringComparison.Ordinal);
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData("sha256")]
    [InlineData("sha512")]
    public async Task A_layer_whose_bytes_do_not_match_its_digest_is_refused(string algorithm)
    {
        using var temp = new TempDirectory();
        var tar = Tar();
        // The byte flipped is inside the file's content, so the tar itself still reads.
        var at = Encoding.ASCII.GetString(tar).IndexOf("strata\n", StringComparison.Ordinal);
        var layout = HandLayout.Image(temp.File("image"), tar, algorithm, storedLayer: Flipped(tar, at));

        var result = await CliRunner.RunAsync(["analyze", $"oci:{layout.Root}:latest"]);

        BadInputAssert.Rejected(result, "layer 0", "blob digest is " + HandLayout.Hash(algorithm, Flipped(tar, at)), HandLayout.Hash(algorithm, tar));
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData("sha256")]
    [InlineData("sha512")]
    public async Task A_diff_id_the_layer_does_not_hash_to_is_refused(string algorithm)
    {
        using var temp = new TempDirectory();
        var tar = Tar();
        var other = new LayerBuilder().File("other", "x").ToTar();
        var layout = new HandLayout(temp.File("image"));
        var layerDigest = layout.Store(algorithm, tar);
        var config = HandLayout.Config(other, algorithm);
        var manifest = HandLayout.Manifest(
            HandLayout.Descriptor("application/vnd.oci.image.config.v1+json", layout.Store(algorithm, config), config.Length),
            HandLayout.Descriptor(HandLayout.TarMediaType, layerDigest, tar.Length));
        layout.WriteIndex(HandLayout.Descriptor("application/vnd.oci.image.manifest.v1+json", layout.Store(algorithm, manifest), manifest.Length));

        var result = await CliRunner.RunAsync(["analyze", $"oci:{layout.Root}:latest"]);

        BadInputAssert.Rejected(result, "layer 0", HandLayout.Hash(algorithm, other), "diff_id");
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData("sha256", "config")]
    [InlineData("sha512", "config")]
    [InlineData("sha256", "manifest")]
    [InlineData("sha512", "manifest")]
    public async Task A_config_or_manifest_whose_bytes_do_not_match_its_digest_is_refused(string algorithm, string part)
    {
        using var temp = new TempDirectory();
        var tar = Tar();
        var layout = HandLayout.Image(temp.File("image"), tar, algorithm);
        var config = HandLayout.Config(tar, algorithm);
        var configDigest = HandLayout.Hash(algorithm, config);
        var manifest = HandLayout.Manifest(
            HandLayout.Descriptor("application/vnd.oci.image.config.v1+json", configDigest, config.Length),
            HandLayout.Descriptor(HandLayout.TarMediaType, HandLayout.Hash(algorithm, tar), tar.Length));
        var manifestDigest = HandLayout.Hash(algorithm, manifest);
        // Same length, one byte of a JSON string changed: it still parses, it no longer hashes to its name.
        var (digest, bytes) = part == "config" ? (configDigest, config) : (manifestDigest, manifest);
        layout.StoreAs(digest, Flipped(bytes, Encoding.ASCII.GetString(bytes).IndexOf("schemaVersion\"", StringComparison.Ordinal) is var i and >= 0
            ? i
            : Encoding.ASCII.GetString(bytes).IndexOf("linux", StringComparison.Ordinal)));

        var result = await CliRunner.RunAsync(["analyze", $"oci:{layout.Root}:latest"]);

        BadInputAssert.Rejected(result, $"{part} blob {digest}", "does not match its digest");
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData("layer", "md5:900150983cd24fb0d6963f7d28e17f72")]
    [InlineData("layer", "sha256:../../../../etc/passwd")]
    [InlineData("layer", "/etc:passwd")]
    [InlineData("layer", "sha384:cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")]
    [InlineData("config", "sha256:ABCDEF")]
    [InlineData("config", "../blobs:x")]
    [InlineData("diff_id", "md5:900150983cd24fb0d6963f7d28e17f72")]
    [InlineData("index", "sha512:../../x")]
    public async Task A_digest_that_is_not_sha256_or_sha512_is_refused_naming_its_field(string field, string hostile)
    {
        using var temp = new TempDirectory();
        var tar = Tar();
        var layout = new HandLayout(temp.File("image"));
        var layerDigest = field == "layer" ? hostile : layout.Store("sha256", tar);
        var config = HandLayout.Config(tar, "sha256");
        if (field == "diff_id")
        {
            config = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(config).Replace(HandLayout.Hash("sha256", tar), hostile, StringComparison.Ordinal));
        }
        var configDigest = field == "config" ? hostile : layout.Store("sha256", config);
        var manifest = HandLayout.Manifest(
            HandLayout.Descriptor("application/vnd.oci.image.config.v1+json", configDigest, config.Length),
            HandLayout.Descriptor(HandLayout.TarMediaType, layerDigest, tar.Length));
        var manifestDigest = field == "index" ? hostile : layout.Store("sha256", manifest);
        layout.WriteIndex(HandLayout.Descriptor("application/vnd.oci.image.manifest.v1+json", manifestDigest, manifest.Length));

        var result = await CliRunner.RunAsync(["analyze", $"oci:{layout.Root}:latest"]);

        var where = field switch
        {
            "layer" => "layers[0]: field 'digest'",
            "config" => "config: field 'digest'",
            "diff_id" => "rootfs.diff_ids[0]",
            _ => "index.json: manifests[0]: field 'digest'",
        };
        BadInputAssert.Rejected(result, where, "is not a valid digest");
    }
}
