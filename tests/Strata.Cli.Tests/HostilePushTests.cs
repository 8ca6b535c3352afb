using System.Net;
using System.Text;
using Strata.TestKit;

namespace Strata.Cli.Tests;

/// <summary>
/// <c>strata push</c> verifies what it uploads as it reads it: a local layer whose bytes do not match their digest
/// (sha256 or sha512) never reaches the registry whole, and the manifest is never put.
/// </summary>
public sealed class HostilePushTests : IAsyncLifetime
{
    private static readonly byte[] Tar = new LayerBuilder().Directory("etc").File("etc/hostname", "strata\n").ToTar();

    private RegistryServer _registry = null!;

    public async ValueTask InitializeAsync() => _registry = await RegistryServer.StartAsync(RegistryAuth.Open);

    public async ValueTask DisposeAsync() => await _registry.DisposeAsync();

    private static byte[] Altered()
    {
        var bytes = Tar.ToArray();
        bytes[Encoding.ASCII.GetString(bytes).IndexOf("strata\n", StringComparison.Ordinal)] ^= 0x20;
        return bytes;
    }

    private async Task<HttpStatusCode> StatusOf(HttpMethod method, string path)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, new Uri(_registry.BaseUri, path));
        request.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    [Fact(Timeout = 120_000)]
    public async Task A_sound_hand_made_layout_is_pushed()
    {
        using var temp = new TempDirectory();
        var layout = HandLayout.Image(temp.File("image"), Tar, "sha256");

        var result = await CliRunner.RunAsync(["push", $"oci:{layout.Root}:latest", $"docker://{_registry.Host}/sound/image:v1"]);

        BadInputAssert.Accepted(result);
        Assert.Equal(HttpStatusCode.OK, await StatusOf(HttpMethod.Head, $"/v2/sound/image/blobs/{HandLayout.Hash("sha256", Tar)}"));
        Assert.Equal(HttpStatusCode.OK, await StatusOf(HttpMethod.Head, "/v2/sound/image/manifests/v1"));
    }

    [Theory(Timeout = 120_000)]
    [InlineData("sha256")]
    [InlineData("sha512")]
    public async Task A_layer_whose_bytes_do_not_match_its_digest_is_not_uploaded(string algorithm)
    {
        using var temp = new TempDirectory();
        var layout = HandLayout.Image(temp.File("image"), Tar, algorithm, storedLayer: Altered());
        var layerDigest = HandLayout.Hash(algorithm, Tar);

        var result = await CliRunner.RunAsync(["push", $"oci:{layout.Root}:latest", $"docker://{_registry.Host}/hostile/image:v1"]);

        BadInputAssert.Rejected(result, $"blob {layerDigest}", $"hash to {HandLayout.Hash(algorithm, Altered())}");
        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(HttpMethod.Head, "/v2/hostile/image/manifests/v1"));
        if (algorithm == "sha256")
        {
            Assert.Equal(HttpStatusCode.NotFound, await StatusOf(HttpMethod.Head, $"/v2/hostile/image/blobs/{layerDigest}"));
            Assert.Equal(HttpStatusCode.NotFound, await StatusOf(HttpMethod.Head, $"/v2/hostile/image/blobs/{HandLayout.Hash("sha256", Altered())}"));
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task A_layer_blob_that_is_a_fifo_is_refused_before_anything_is_pushed()
    {
        using var temp = new TempDirectory();
        var layout = HandLayout.Image(temp.File("image"), Tar, "sha256");
        var layer = layout.PathOf(HandLayout.Hash("sha256", Tar));
        File.Delete(layer);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [layer]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var result = await CliRunner.RunAsync(["push", $"oci:{layout.Root}:latest", $"docker://{_registry.Host}/fifo/image:v1"]);

        BadInputAssert.Rejected(result, Path.GetFileName(layer), "is a FIFO, not a regular file");
        Assert.Equal(HttpStatusCode.NotFound, await StatusOf(HttpMethod.Head, "/v2/fifo/image/manifests/v1"));
    }
}
