using Strata.Images.Model;
using Strata.Images.Registry;
using Strata.TestKit;

namespace Strata.Images.Tests;

/// <summary>A blob streamed from a registry that stalls fails with a message naming its URL, also on the synchronous reads layers use.</summary>
public sealed class RegistryTimeoutTests
{
    private static readonly Digest Blob = Digest.ComputeSha256(new byte[64]);

    [Fact(Timeout = 60_000)]
    public async Task A_blob_body_dripped_a_byte_at_a_time_fails_as_a_stall()
    {
        await using var server = HostileHttpServer.Start(_ => HostileAnswer.DripBody(200, new string('x', 5000), TimeSpan.FromMilliseconds(100)));
        using var client = new RegistryClient(new RegistryClientOptions().WithTimeout(TimeSpan.FromSeconds(1)));
        var reference = RegistryReference.Parse($"{server.Host}/team/app:v1");

        using var response = await client.OpenBlobAsync(reference, Blob, 0, TestContext.Current.CancellationToken);
        using var body = response.Content.ReadAsStream(TestContext.Current.CancellationToken);
        var buffer = new byte[8192];

        var error = Assert.Throws<StrataException>(() =>
        {
            while (body.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        });
        Assert.Contains($"http://{server.Host}/v2/team/app/blobs/{Blob}", error.Message, StringComparison.Ordinal);
        Assert.Contains("stalled", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_head_that_never_completes_fails_within_the_idle_timeout_without_retrying()
    {
        await using var server = HostileHttpServer.Start(_ => HostileAnswer.DripHead(200, "", TimeSpan.FromMilliseconds(300)));
        using var client = new RegistryClient(new RegistryClientOptions().WithTimeout(TimeSpan.FromSeconds(1)));
        var reference = RegistryReference.Parse($"{server.Host}/team/app:v1");

        var error = await Assert.ThrowsAsync<StrataException>(() => client.OpenBlobAsync(reference, Blob, 0, TestContext.Current.CancellationToken));

        Assert.Contains($"GET http://{server.Host}/v2/team/app/blobs/{Blob}", error.Message, StringComparison.Ordinal);
        Assert.Contains("stalled", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }
}
