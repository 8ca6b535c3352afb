using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Strata.TestKit;

namespace Strata.Images.Tests;

public sealed class FaultProxyTests
{
    private const int Timeout = 30_000;
    private static readonly byte[] Blob = RandomBytes(1 << 20);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact(Timeout = Timeout)]
    public async Task Without_faults_status_headers_and_every_byte_pass_through()
    {
        await using var upstream = StaticBlobServer.Start(Blob);
        await using var proxy = FaultProxy.Start(upstream.BaseUri);
        using var client = Client();

        using (var get = await client.GetAsync(new Uri(proxy.BaseUri, upstream.BlobPath), HttpCompletionOption.ResponseHeadersRead, Token))
        {
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal(Blob.Length, get.Content.Headers.ContentLength);
            Assert.Equal(upstream.Digest, get.Headers.GetValues("Docker-Content-Digest").Single());
            Assert.Equal(Blob, await get.Content.ReadAsByteArrayAsync(Token));
        }
        using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(proxy.BaseUri, upstream.BlobPath)), Token))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(Blob.Length, head.Content.Headers.ContentLength);
        }
        using (var missing = await client.GetAsync(new Uri(proxy.BaseUri, "/v2/x/blobs/sha256:00"), Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("BLOB_UNKNOWN", await missing.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        Assert.Equal([("GET", 200), ("HEAD", 200), ("GET", 404)], proxy.Requests.Select(r => (r.Method, r.Status)));
        Assert.All(proxy.Requests, r => Assert.Null(r.Fault));
        Assert.Empty(proxy.Errors);
    }

    [Theory(Timeout = Timeout)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Request_bodies_and_authorization_reach_the_upstream_sized_or_chunked(bool chunked)
    {
        await using var upstream = StaticBlobServer.Start(Blob);
        await using var proxy = FaultProxy.Start(upstream.BaseUri);
        using var client = Client();
        var body = RandomBytes(300_000, seed: 7);
        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(proxy.BaseUri, "/v2/x/blobs/uploads/1?digest=sha256:abc"))
        {
            Content = new ByteArrayContent(body),
        };
        put.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t0ken");
        put.Headers.TransferEncodingChunked = chunked;

        using var response = await client.SendAsync(put, Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new Uri(proxy.BaseUri, "/v2/x/blobs/uploads/1"), response.Headers.Location);
        Assert.Equal(body, upstream.Content("/v2/x/blobs/uploads/1"));
        var relayed = Assert.Single(proxy.Requests);
        Assert.Equal((chunked, body.Length, "/v2/x/blobs/uploads/1"), (relayed.Chunked, relayed.BodyLength, relayed.Path));
        var received = upstream.Requests.Single(r => r.Method == "PUT");
        Assert.Equal("Bearer t0ken", received.Header("Authorization"));
        Assert.Equal("/v2/x/blobs/uploads/1?digest=sha256:abc", received.Target);
    }

    [Theory(Timeout = Timeout)]
    [InlineData(500, null)]
    [InlineData(503, null)]
    [InlineData(429, "1")]
    public async Task A_status_fault_answers_without_the_upstream_then_passes_through(int status, string? retryAfter)
    {
        await using var upstream = StaticBlobServer.Start(Blob);
        await using var proxy = FaultProxy.Start(upstream.BaseUri);
        using var client = Client();
        var rule = proxy.Inject(Fault.Status(status, retryAfter), IsBlobGet, times: 2);

        for (var i = 0; i < 2; i++)
        {
            using var failed = await client.GetAsync(new Uri(proxy.BaseUri, upstream.BlobPath), Token);
            Assert.Equal(status, (int)failed.StatusCode);
            Assert.Equal(retryAfter is null ? null : TimeSpan.FromSeconds(1), failed.Headers.RetryAfter?.Delta);
            Assert.Contains("\"errors\"", await failed.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }
        using var passed = await client.GetAsync(new Uri(proxy.BaseUri, upstream.BlobPath), Token);

        Assert.Equal(Blob, await passed.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal((2, true), (rule.Applied, rule.Exhausted));
        Assert.Equal([status, status, 200], proxy.Requests.Select(r => r.Status));
        Assert.Single(upstream.Requests);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_reset_mid_blob_fails_the_read_and_a_ranged_retry_gets_the_rest()
    {
        const int cut = 256 * 1024;
        await using var upstream = StaticBlobServer.Start(Blob);
        await using var proxy = FaultProxy.Start(upstream.BaseUri);
        using var client = Client();
        proxy.Inject(Fault.ResetAfter(cut), IsBlobGet);

        using var response = await client.GetAsync(new Uri(proxy.BaseUri, upstream.BlobPath), HttpCompletionOption.ResponseHeadersRead, Token);
        Assert.Equal(Blob.Length, response.Content.Headers.ContentLength);
        var (received, error) = await ReadAsync(response);

        Assert.IsAssignableFrom<IOException>(error);
        Assert.InRange(received.Length, 0, cut);
        Assert.Equal(Blob[..received.Length], received);

        using var resume = new HttpRequestMessage(HttpMethod.Get, new Uri(proxy.BaseUri, upstream.BlobPath));
        resume.Headers.Range = new RangeHeaderValue(received.Length, null);
        using var rest = await client.SendAsync(resume, Token);
        Assert.Equal(HttpStatusCode.PartialContent, rest.StatusCode);
        Assert.Equal(Blob, received.Concat(await rest.Content.ReadAsByteArrayAsync(Token)).ToArray());
        Assert.Equal($"bytes={received.Length}-", proxy.Requests[^1].Header("Range"));
        Assert.Empty(proxy.Errors);
    }

    [Theory(Timeout = Timeout)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_truncated_body_keeps_the_length_promised_and_ends_early(bool chunkedUpstream)
    {
        const int cut = 100_000;
        await using var upstream = StaticBlobServer.Start(Blob);
        upstream.Serve("/v2/x/blobs/chunked", Blob, chunked: true);
        await using var proxy = FaultProxy.Start(upstream.BaseUri);
        using var client = Client();
        proxy.Inject(Fault.Truncate(cut), r => r.Path.Contains("/blobs/", StringComparison.Ordinal));
        var path = chunkedUpstream ? "/v2/x/blobs/chunked" : upstream.BlobPath;

        using var response = await client.GetAsync(new Uri(proxy.BaseUri, path), HttpCompletionOption.ResponseHeadersRead, Token);
        var (received, error) = await ReadAsync(response);

        Assert.Equal(chunkedUpstream ? null : Blob.Length, response.Content.Headers.ContentLength);
        Assert.IsAssignableFrom<IOException>(error);
        Assert.Equal(Blob[..cut], received);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_body_no_longer_than_the_cut_is_relayed_whole()
    {
        await using var upstream = StaticBlobServer.Start(Blob);
        await using var proxy = FaultProxy.Start(upstream.BaseUri);
        using var client = Client();
        proxy.Inject(Fault.Truncate(Blob.Length), IsBlobGet);
        proxy.Inject(Fault.ResetAfter(Blob.Length), IsBlobGet);

        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(new Uri(proxy.BaseUri, upstream.BlobPath), Token);
            Assert.Equal(Blob, await response.Content.ReadAsByteArrayAsync(Token));
        }
        Assert.All(proxy.Requests, r => Assert.NotNull(r.Fault));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_corrupt_byte_keeps_the_length_and_changes_that_byte_only()
    {
        const int offset = 123_457;
        await using var upstream = StaticBlobServer.Start(Blob);
        await using var proxy = FaultProxy.Start(upstream.BaseUri);
        using var client = Client();
        proxy.Inject(Fault.CorruptByte(offset), IsBlobGet);

        using var response = await client.GetAsync(new Uri(proxy.BaseUri, upstream.BlobPath), Token);
        var corrupt = await response.Content.ReadAsByteArrayAsync(Token);

        Assert.Equal(Blob.Length, corrupt.Length);
        Assert.Equal([offset], Enumerable.Range(0, Blob.Length).Where(i => corrupt[i] != Blob[i]));
        using var again = await client.GetAsync(new Uri(proxy.BaseUri, upstream.BlobPath), Token);
        Assert.Equal(Blob, await again.Content.ReadAsByteArrayAsync(Token));
    }

    [Fact(Timeout = Timeout)]
    public async Task Range_is_forwarded_and_fault_offsets_count_from_the_start_of_the_range()
    {
        await using var upstream = StaticBlobServer.Start(Blob);
        await using var proxy = FaultProxy.Start(upstream.BaseUri);
        using var client = Client();
        proxy.Inject(Fault.CorruptByte(0), r => r.HasHeader("Range"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(proxy.BaseUri, upstream.BlobPath));
        request.Headers.Range = new RangeHeaderValue(1000, null);

        using var response = await client.SendAsync(request, Token);
        var tail = await response.Content.ReadAsByteArrayAsync(Token);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 1000-{Blob.Length - 1}/{Blob.Length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(Blob.Length - 1000, tail.Length);
        Assert.Equal((byte)~Blob[1000], tail[0]);
        Assert.Equal(Blob[1001..], tail[1..]);
        Assert.Equal("bytes=1000-", upstream.Requests.Single().Header("Range"));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_redirect_goes_to_another_host_which_sees_no_authorization_when_the_client_drops_it()
    {
        await using var upstream = StaticBlobServer.Start(Blob);
        await using var proxy = FaultProxy.Start(upstream.BaseUri);
        await using var storage = RecordingBlobHost.Start(upstream.BaseUri);
        using var client = Client();
        proxy.Inject(Fault.RedirectTo(storage.BaseUri), IsBlobGet);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(proxy.BaseUri, upstream.BlobPath));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "secret");
        request.Headers.Accept.ParseAdd("application/octet-stream");

        using var redirect = await client.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        var location = redirect.Headers.Location!;
        Assert.Equal(new Uri(storage.BaseUri, upstream.BlobPath), location);
        Assert.NotEqual(proxy.BaseUri.Authority, location.Authority);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal("127.0.0.2", location.Host);
        }

        using var follow = new HttpRequestMessage(HttpMethod.Get, location);
        foreach (var header in request.Headers.Where(h => h.Key != "Authorization"))
        {
            follow.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        using var followed = await client.SendAsync(follow, Token);

        Assert.Equal(Blob, await followed.Content.ReadAsByteArrayAsync(Token));
        Assert.False(storage.SawAuthorization);
        Assert.Equal("application/octet-stream", Assert.Single(storage.Requests).Header("Accept"));
        Assert.Equal("Bearer secret", Assert.Single(proxy.Requests).Header("Authorization"));
        Assert.False(Assert.Single(upstream.Requests).HasHeader("Authorization"));
        Assert.Empty(storage.Errors);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_recording_host_given_bytes_serves_them_at_any_path_with_ranges_and_logs_authorization()
    {
        await using var storage = RecordingBlobHost.Start(Blob);
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(storage.BaseUri, "/anything?sig=1"));
        request.Headers.Range = new RangeHeaderValue(10, 19);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "bGVhaw==");

        using var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(Blob[10..20], await response.Content.ReadAsByteArrayAsync(Token));
        Assert.True(storage.SawAuthorization);
        Assert.Equal(("/anything", 206), (storage.Requests[0].Path, storage.Requests[0].Status));
    }

    [Fact(Timeout = Timeout)]
    public async Task Concurrent_requests_are_served_each_on_its_own_connection()
    {
        await using var upstream = StaticBlobServer.Start(Blob);
        await using var proxy = FaultProxy.Start(upstream.BaseUri);
        using var client = Client();
        proxy.Inject(Fault.Status(503), IsBlobGet, times: 3);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            using var response = await client.GetAsync(new Uri(proxy.BaseUri, upstream.BlobPath), Token);
            return (response.StatusCode, Bytes: await response.Content.ReadAsByteArrayAsync(Token));
        }));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.ServiceUnavailable));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.OK), r => Assert.Equal(Blob, r.Bytes));
        Assert.Equal(16, proxy.Requests.Count);
        Assert.Equal(13, upstream.Requests.Count);
    }

    [Fact(Timeout = Timeout)]
    public async Task An_unreachable_upstream_is_a_502_naming_why()
    {
        int closedPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        await using var proxy = FaultProxy.Start(new Uri($"http://127.0.0.1:{closedPort}/"));
        using var client = Client();

        using var response = await client.GetAsync(new Uri(proxy.BaseUri, "/v2/"), Token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.NotNull(Assert.Single(proxy.Requests).Error);
    }

    [Fact(Timeout = Timeout)]
    public async Task Disposing_closes_connections_left_open_and_stops_listening()
    {
        var proxy = FaultProxy.Start(new Uri("http://127.0.0.1:9/"));
        using var idle = new TcpClient();
        await idle.ConnectAsync(IPAddress.Loopback, proxy.BaseUri.Port, Token);
        var stream = idle.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /v2/ HTTP/1.1\r\nHost: x\r\n"), Token);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await proxy.DisposeAsync();

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        var buffer = new byte[16];
        try
        {
            Assert.Equal(0, await stream.ReadAsync(buffer, Token));
        }
        catch (IOException)
        {
        }
        using var late = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => late.ConnectAsync(IPAddress.Loopback, proxy.BaseUri.Port, Token).AsTask());
        Assert.Empty(proxy.Errors);
    }

    private static bool IsBlobGet(ProxiedRequest request) =>
        request.Method == "GET" && request.Path.Contains("/blobs/sha256:", StringComparison.Ordinal);

    private static HttpClient Client() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });

    private static async Task<(byte[] Received, Exception? Error)> ReadAsync(HttpResponseMessage response)
    {
        using var received = new MemoryStream();
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(Token);
            await body.CopyToAsync(received, Token);
            return (received.ToArray(), null);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return (received.ToArray(), e);
        }
    }

    private static byte[] RandomBytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
