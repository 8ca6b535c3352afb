using System.Text;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>
/// A hostile registry names a layer or config by a "digest" that is a path on the user's machine (or another
/// algorithm, or a climb out of the cache). Strata refuses the manifest and touches no file outside its cache and
/// output folder: no mtime changes, nothing read into a report.
/// </summary>
public sealed class HostileRegistryDigestTests
{
    private const string Secret = "root:x:0:0:secret-from-the-user-machine\n";

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData("analyze", "layer", "local-path")]
    [InlineData("analyze", "config", "local-path")]
    [InlineData("pull", "layer", "local-path")]
    [InlineData("pull", "config", "local-path")]
    [InlineData("analyze", "layer", "md5")]
    [InlineData("analyze", "config", "climb")]
    [InlineData("pull", "layer", "climb")]
    public async Task A_manifest_naming_a_local_file_as_a_digest_is_refused_and_nothing_outside_is_touched(string command, string field, string kind)
    {
        using var work = new TempDirectory();
        // The user's own files: a tree of them, and a canary at the path the hostile digest names.
        var outside = work.File("home");
        Directory.CreateDirectory(Path.Combine(outside, "secret"));
        var canary = Path.Combine(outside, "secret", "name");
        File.WriteAllText(canary, Secret);
        File.WriteAllText(Path.Combine(outside, "notes.txt"), "unrelated\n");
        Directory.CreateDirectory(Path.Combine(outside, "blobs", "sha256"));
        File.WriteAllText(Path.Combine(outside, "blobs", "sha256", "x"), "x\n");
        var before = Snapshot(outside);

        var hostile = kind switch
        {
            "local-path" => $"{Path.Combine(outside, "secret")}:name",
            "md5" => "md5:900150983cd24fb0d6963f7d28e17f72",
            _ => "sha256:../../../home/secret/name",
        };
        var tar = new LayerBuilder().File("etc/hostname", "strata\n").ToTar();
        var config = HandLayout.Config(tar, "sha256");
        var secretLength = Encoding.UTF8.GetByteCount(Secret);
        var manifest = HandLayout.Manifest(
            HandLayout.Descriptor("application/vnd.oci.image.config.v1+json",
                field == "config" ? hostile : HandLayout.Hash("sha256", config), field == "config" ? secretLength : config.Length),
            HandLayout.Descriptor(HandLayout.TarMediaType,
                field == "layer" ? hostile : HandLayout.Hash("sha256", tar), field == "layer" ? secretLength : tar.Length));
        await using var registry = StaticBlobServer.Start(config, "hostile");
        registry.Serve("/v2/hostile/manifests/latest", manifest, "application/vnd.oci.image.manifest.v1+json");
        registry.Serve($"/v2/hostile/blobs/{HandLayout.Hash("sha256", tar)}", tar);
        var cache = work.File("cache");

        var result = await CliRunner.RunAsync(command == "analyze"
            ? ["analyze", $"{registry.Host}/hostile:latest", "--cache-dir", cache, "--json", "-"]
            : ["pull", $"{registry.Host}/hostile:latest", "--cache-dir", cache, "--output", $"oci:{work.File("out")}"],
            new Dictionary<string, string> { ["HOME"] = work.Path });

        BadInputAssert.Rejected(result, field == "layer" ? "layers[0]: field 'digest'" : "config: field 'digest'", "is not a valid digest");
        Assert.DoesNotContain("secret-from-the-user-machine", result.StandardOutput + result.Out + result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(outside));
        Assert.False(Directory.Exists(work.File("out")) && Directory.EnumerateFiles(work.File("out"), "*", SearchOption.AllDirectories).Any());
        Assert.DoesNotContain(registry.Requests, r => r.Path.Contains("/blobs/", StringComparison.Ordinal) && !r.Path.Contains("/blobs/sha256:", StringComparison.Ordinal));
    }

    [Theory(Timeout = BadInputAssert.Timeout)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sha512_blobs_from_a_registry_are_verified_before_they_enter_the_cache(bool altered)
    {
        using var work = new TempDirectory();
        var tar = new LayerBuilder().File("etc/hostname", "strata\n").ToTar();
        var served = tar.ToArray();
        if (altered)
        {
            served[Encoding.ASCII.GetString(served).IndexOf("strata\n", StringComparison.Ordinal)] ^= 0x20;
        }
        var config = HandLayout.Config(tar, "sha512");
        var layerDigest = HandLayout.Hash("sha512", tar);
        var configDigest = HandLayout.Hash("sha512", config);
        var manifest = HandLayout.Manifest(
            HandLayout.Descriptor("application/vnd.oci.image.config.v1+json", configDigest, config.Length),
            HandLayout.Descriptor(HandLayout.TarMediaType, layerDigest, tar.Length));
        await using var registry = StaticBlobServer.Start(config, "hostile");
        registry.Serve($"/v2/hostile/blobs/{configDigest}", config);
        registry.Serve($"/v2/hostile/blobs/{layerDigest}", served);
        registry.Serve("/v2/hostile/manifests/latest", manifest, "application/vnd.oci.image.manifest.v1+json");
        var cache = work.File("cache");

        var result = await CliRunner.RunAsync(["analyze", $"{registry.Host}/hostile:latest", "--cache-dir", cache],
            new Dictionary<string, string> { ["HOME"] = work.Path });

        var cachedLayer = Path.Combine(cache, "blobs", "sha512", layerDigest["sha512:".Length..]);
        var cachedConfig = Path.Combine(cache, "blobs", "sha512", configDigest["sha512:".Length..]);
        Assert.Equal(config, File.ReadAllBytes(cachedConfig));
        if (altered)
        {
            BadInputAssert.Rejected(result, layerDigest, HandLayout.Hash("sha512", served));
            Assert.False(File.Exists(cachedLayer));
        }
        else
        {
            BadInputAssert.Accepted(result);
            Assert.Equal(tar, File.ReadAllBytes(cachedLayer));
        }
    }

    /// <summary>Every file under <paramref name="root"/> with its modification time (to the tick) and content.</summary>
    private static List<string> Snapshot(string root)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        // Set far in the past first, so that any touch, however soon after, moves the time.
        foreach (var file in files.Where(f => File.GetLastWriteTimeUtc(f).Year != 2001))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc));
        }
        return files
            .Select(f => $"{f} {File.GetLastWriteTimeUtc(f).Ticks} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}")
            .ToList();
    }
}
