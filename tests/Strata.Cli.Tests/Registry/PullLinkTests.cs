using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Strata.TestKit;

namespace Strata.Cli.Tests.Registry;

/// <summary><c>strata pull</c> hard-links cached layers into an OCI layout on the cache's file system, and copies otherwise.</summary>
public sealed class PullLinkTests(OpenRegistry registry) : IClassFixture<OpenRegistry>
{
    [Fact(Timeout = 120_000)]
    public async Task Layers_in_a_layout_beside_the_cache_are_the_cached_files_themselves()
    {
        using var work = new TempDirectory();
        var cache = work.File("cache");

        var pulled = await CliRunner.RunAsync(["pull", registry.Reference("wasteful"), "--output", "oci:out:v1", "--cache-dir", cache], workingDirectory: work.Path);

        CliAssert.ExitCode(0, pulled);
        AllVerified(work.File("out"));
        var layers = Layers(work.File("out"));
        Assert.True(layers.Count > 1);
        foreach (var digest in layers)
        {
            Assert.Equal(Inode(CachePath(cache, digest)), Inode(BlobPath(work.File("out"), digest)));
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Layers_are_copied_when_the_cache_is_on_another_file_system()
    {
        if (!Directory.Exists("/dev/shm") || Inode("/dev/shm").Device == Inode(Path.GetTempPath()).Device)
        {
            Assert.Skip("needs /dev/shm on a file system other than the temporary folder's");
        }
        using var work = new TempDirectory();
        var cache = Path.Combine("/dev/shm", $"strata-test-{Guid.NewGuid():N}");
        try
        {
            var pulled = await CliRunner.RunAsync(["pull", registry.Reference("multistage"), "--output", "oci:out:v1", "--cache-dir", cache], workingDirectory: work.Path);

            CliAssert.ExitCode(0, pulled);
            AllVerified(work.File("out"));
            var layers = Layers(work.File("out"));
            Assert.NotEmpty(layers);
            Assert.All(layers, d => Assert.NotEqual(Inode(CachePath(cache, d)), Inode(BlobPath(work.File("out"), d))));
        }
        finally
        {
            if (Directory.Exists(cache))
            {
                Directory.Delete(cache, recursive: true);
            }
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task A_cached_layer_that_no_longer_hashes_to_its_digest_is_refused_not_linked()
    {
        using var work = new TempDirectory();
        var cache = work.File("cache");
        var first = await CliRunner.RunAsync(["pull", registry.Reference("multistage"), "--output", "oci:first:v1", "--cache-dir", cache], workingDirectory: work.Path);
        CliAssert.ExitCode(0, first);
        var layer = Layers(work.File("first"))[0];
        // A new file of the same size renamed over the cached one: the first layout keeps its own sound copy.
        var cached = CachePath(cache, layer);
        var garbage = work.File("garbage");
        await File.WriteAllBytesAsync(garbage, new byte[new FileInfo(cached).Length], TestContext.Current.CancellationToken);
        File.Move(garbage, cached, overwrite: true);

        var second = await CliRunner.RunAsync(["pull", registry.Reference("multistage"), "--output", "oci:second:v1", "--cache-dir", cache], workingDirectory: work.Path);

        CliAssert.ExitCode(2, second);
        Assert.Contains($"blob {layer}", second.Error, StringComparison.Ordinal);
        Assert.Contains("not written", second.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(BlobPath(work.File("second"), layer)));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(work.File("second"), "blobs", "sha256"), ".*"));
        AllVerified(work.File("first"));
    }

    private static string CachePath(string cache, string digest) => Path.Combine(cache, "blobs", "sha256", digest["sha256:".Length..]);

    private static string BlobPath(string layout, string digest) => Path.Combine(layout, "blobs", "sha256", digest["sha256:".Length..]);

    /// <summary>The layer digests of the layout's only image.</summary>
    private static List<string> Layers(string layout)
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(layout, "index.json")));
        var manifestDigest = index.RootElement.GetProperty("manifests")[0].GetProperty("digest").GetString()!;
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(BlobPath(layout, manifestDigest)));
        return manifest.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()!).ToList();
    }

    /// <summary>Every blob of the layout hashes to its name; returns their digests.</summary>
    private static List<string> AllVerified(string layout)
    {
        var digests = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(layout, "blobs", "sha256")))
        {
            using var stream = File.OpenRead(file);
            var hex = Convert.ToHexStringLower(SHA256.HashData(stream));
            Assert.Equal(Path.GetFileName(file), hex);
            digests.Add("sha256:" + hex);
        }
        return digests;
    }

    /// <summary>The device and inode number of a path, from coreutils' stat (.NET has no API for them).</summary>
    private static (string Device, long Number) Inode(string path)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%d %i", path])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var fields = process.StandardOutput.ReadToEnd().Split(' ', StringSplitOptions.TrimEntries);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return (fields[0], long.Parse(fields[1], CultureInfo.InvariantCulture));
    }
}
