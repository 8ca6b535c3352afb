using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Strata.Images.Model;

namespace Strata.Images.Registry;

/// <summary>
/// The OCI distribution protocol over HTTP: authentication by challenge, retries with backoff, redirects that
/// never carry credentials to another host, and manifests kept byte for byte.
/// </summary>
public sealed partial class RegistryClient : IDisposable
{
    private const int MaxRedirects = 5;
    private static readonly string[] ManifestAccept =
    [
        MediaTypes.OciIndex, MediaTypes.OciManifest, MediaTypes.DockerManifestList, MediaTypes.DockerManifest,
    ];

    private readonly HttpClient _http;
    private readonly RegistryClientOptions _options;
    private readonly TokenCache _tokens = new();
    private readonly ConcurrentDictionary<string, AuthChallenge> _challenges = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private readonly BlobLocations _locations;

    public RegistryClient(RegistryClientOptions options)
    {
        _options = options;
        _locations = new BlobLocations(options.BlobLocationsFile);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 16,
            ConnectTimeout = options.IdleTimeout,
        };
        // Every exchange is bounded by its own RequestTimer, which also covers reading the body.
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("strata", "1.0"));
    }

    /// <summary>How many token requests this client made (tests check caching with it).</summary>
    public int TokenRequests { get; private set; }

    public async Task<ManifestResponse> GetManifestAsync(RegistryReference reference, string manifestReference, CancellationToken cancellationToken)
    {
        var what = $"{reference.Registry}/{reference.Repository}: manifest {manifestReference}";
        using var response = await SendAsync(
            reference, RegistryAccess.Pull, HttpMethod.Get, $"v2/{reference.Repository}/manifests/{manifestReference}",
            request => request.Headers.Accept.ParseAdd(string.Join(", ", ManifestAccept)), what, cancellationToken);
        await EnsureSuccessAsync(response, what, cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (mediaType.Contains("distribution.manifest.v1", StringComparison.Ordinal))
        {
            throw new StrataException($"{what}: Docker schema 1 manifests ({mediaType}) are unsupported; push the image again with a current client");
        }
        if (response.Content.Headers.ContentLength > RegistryClientOptions.MaxManifestBytes)
        {
            throw new StrataException($"{what}: {response.Content.Headers.ContentLength} bytes, over the {RegistryClientOptions.MaxManifestBytes}-byte limit for manifests");
        }
        var bytes = await ReadLimitedAsync(response, RegistryClientOptions.MaxManifestBytes, what, cancellationToken);
        var digest = Digest.ComputeSha256(bytes);
        if (response.Headers.TryGetValues("Docker-Content-Digest", out var values)
            && Digest.TryParse(values.FirstOrDefault(), out var served) && served.Algorithm == "sha256" && served != digest)
        {
            throw new StrataException($"{what}: content hashes to {digest}, the registry's Docker-Content-Digest says {served}");
        }
        if (Digest.TryParse(manifestReference, out var pinned) && pinned.Algorithm == "sha256" && pinned != digest)
        {
            throw new StrataException($"{what}: content hashes to {digest}, not the digest asked for");
        }
        if (mediaType.Length == 0 || mediaType == "application/json")
        {
            mediaType = ImageManifest.LooksLikeIndex(bytes, what) ? MediaTypes.OciIndex : MediaTypes.OciManifest;
        }
        return new ManifestResponse(bytes, mediaType, digest);
    }

    /// <summary>
    /// Opens a blob for streaming from <paramref name="offset"/>, following redirects. A streamed blob is bounded by
    /// the idle timeout only; one read whole (a config) also by the deadline for one request.
    /// </summary>
    public async Task<HttpResponseMessage> OpenBlobAsync(
        RegistryReference reference, Digest digest, long offset, CancellationToken cancellationToken, bool streaming = true)
    {
        var what = $"{reference.Registry}/{reference.Repository}: blob {digest}";
        var response = await SendAsync(
            reference, RegistryAccess.Pull, HttpMethod.Get, $"v2/{reference.Repository}/blobs/{digest}",
            request =>
            {
                if (offset > 0)
                {
                    request.Headers.Range = new RangeHeaderValue(offset, null);
                }
            },
            what, cancellationToken, streaming: streaming);
        try
        {
            await EnsureSuccessAsync(response, what, cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async Task<bool> BlobExistsAsync(RegistryReference reference, Digest digest, CancellationToken cancellationToken)
    {
        var what = $"{reference.Registry}/{reference.Repository}: blob {digest}";
        using var response = await SendAsync(reference, RegistryAccess.Push, HttpMethod.Head, $"v2/{reference.Repository}/blobs/{digest}", null, what, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        await EnsureSuccessAsync(response, what, cancellationToken);
        return true;
    }

    /// <summary>
    /// One request as the protocol needs it: authenticated on challenge, retried with backoff on server errors and
    /// dropped connections, bounded by the idle timeout and, unless <paramref name="streaming"/> (a blob's body, sent
    /// or received), by the deadline for one request. Every failure is a <see cref="StrataException"/> naming
    /// <paramref name="what"/> and the URL.
    /// </summary>
    internal async Task<HttpResponseMessage> SendAsync(
        RegistryReference reference,
        RegistryAccess access,
        HttpMethod method,
        string path,
        Action<HttpRequestMessage>? configure,
        string what,
        CancellationToken cancellationToken,
        Func<HttpContent>? content = null,
        IReadOnlyList<string>? extraScopes = null,
        bool streaming = false)
    {
        var baseUri = RegistryHosts.BaseUri(reference.ApiHost, _options.InsecureRegistries);
        var scope = Scope(reference.Repository, access, extraScopes);
        var target = !path.StartsWith('/') && Uri.TryCreate(path, UriKind.Absolute, out var absolute)
            ? RegistryUrls.RequireHttp(absolute, what, "upload Location")
            : new Uri(baseUri, path);
        // A large body, sent or received, may take as long as it keeps moving; anything else has a deadline.
        DateTimeOffset? deadline = streaming ? null : DateTimeOffset.UtcNow + _options.RequestDeadline;
        var current = new StrongBox<Uri>(target);
        var attempt = 0;
        var authenticated = false;
        while (true)
        {
            attempt++;
            current.Value = target;
            var timer = new RequestTimer(cancellationToken, _options.IdleTimeout, deadline, _options.RequestDeadline);
            HttpResponseMessage? response = null;
            try
            {
                response = await SendFollowingRedirectsAsync(reference, baseUri, method, current, scope, configure, content, what, timer);
                if (response.StatusCode == HttpStatusCode.Unauthorized && !authenticated)
                {
                    var challenge = AuthChallenge.Parse(response.Headers.WwwAuthenticate.ToString());
                    Release(ref response, timer);
                    if (challenge is null)
                    {
                        throw new StrataException($"{what}: the registry refused access and offered no way to authenticate");
                    }
                    await AuthenticateAsync(reference, challenge, scope, what, deadline ?? DateTimeOffset.UtcNow + _options.RequestDeadline, cancellationToken);
                    authenticated = true;
                    attempt--;
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.Unauthorized && _options.Credentials.Find(reference.Registry) is null)
                {
                    Release(ref response, timer);
                    throw new StrataException($"{what}: access denied without credentials (docker login, or --username with --password-stdin)");
                }
                if (!IsRetryable(response.StatusCode) || attempt >= _options.MaxAttempts)
                {
                    return Timed(response, timer, what, current.Value, streaming);
                }
                var wait = RetryDelay(response, attempt, $"{what}: {current.Value}", deadline);
                Release(ref response, timer);
                await Task.Delay(wait, cancellationToken);
            }
            catch (OperationCanceledException) when (timer.Expired)
            {
                Release(ref response, timer);
                throw new StrataException($"{what}: {method} {current.Value}: {timer.Reason}");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Release(ref response, timer);
                throw new StrataException($"{what}: {method} {current.Value}: no connection within {RequestTimer.Seconds(_options.IdleTimeout)} (--timeout)");
            }
            catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                Release(ref response, timer);
                if (NetworkFailure.Unreachable(e, current.Value) is { } unreachable)
                {
                    throw new StrataException($"{what}: {unreachable}");
                }
                var failure = $"{what}: {method} {current.Value}: failed after {attempt} {(attempt == 1 ? "try" : "tries")} ({NetworkFailure.Describe(e)})";
                var backoff = Backoff(attempt);
                if (attempt >= _options.MaxAttempts || DateTimeOffset.UtcNow + backoff > deadline)
                {
                    throw new StrataException(failure);
                }
                await Task.Delay(backoff, cancellationToken);
            }
            catch (Exception e) when (e is not (StrataException or OperationCanceledException))
            {
                Release(ref response, timer);
                throw new StrataException($"{what}: {method} {current.Value}: {NetworkFailure.Describe(e)}");
            }
        }
    }

    private static void Release(ref HttpResponseMessage? response, RequestTimer timer)
    {
        response?.Dispose();
        response = null;
        timer.Dispose();
    }

    /// <summary>Hands the body over under a timer: the same one (deadline included) for a body read whole, an idle-only one for a streamed blob.</summary>
    private HttpResponseMessage Timed(HttpResponseMessage response, RequestTimer timer, string what, Uri url, bool streaming)
    {
        var bodyTimer = timer;
        if (streaming)
        {
            bodyTimer = new RequestTimer(timer.Caller, _options.IdleTimeout, null, _options.RequestDeadline);
            timer.Dispose();
        }
        else
        {
            bodyTimer.Rearm();
        }
        response.Content = new TimedResponseContent(response.Content, bodyTimer, what, url);
        return response;
    }

    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(
        RegistryReference reference,
        Uri baseUri,
        HttpMethod method,
        StrongBox<Uri> current,
        string scope,
        Action<HttpRequestMessage>? configure,
        Func<HttpContent>? content,
        string what,
        RequestTimer timer)
    {
        for (var redirect = 0; ; redirect++)
        {
            var uri = current.Value!;
            using var request = new HttpRequestMessage(method, uri);
            configure?.Invoke(request);
            if (content is not null)
            {
                request.Content = new TimedRequestContent(content(), timer);
            }
            // Credentials go only to the registry's own host; a redirect elsewhere (a CDN, storage) gets none.
            if (SameHost(uri, baseUri))
            {
                request.Headers.Authorization = CachedAuthorization(reference, scope);
            }
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timer.Token);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is null)
            {
                return response;
            }
            if (redirect >= MaxRedirects)
            {
                response.Dispose();
                throw new StrataException($"{reference.Registry}: more than {MaxRedirects} redirects for {uri.AbsolutePath}");
            }
            var location = response.Headers.Location;
            try
            {
                uri = RegistryUrls.Resolve(uri, location, what, "redirect Location");
            }
            catch
            {
                response.Dispose();
                throw;
            }
            if (uri.Scheme == Uri.UriSchemeHttp && !RegistryHosts.AllowsPlainHttp(uri.Authority, _options.InsecureRegistries) && baseUri.Scheme == Uri.UriSchemeHttps)
            {
                response.Dispose();
                throw new StrataException($"{reference.Registry}: refusing a redirect from HTTPS to plain HTTP ({uri.Authority})");
            }
            if (response.StatusCode is HttpStatusCode.Moved or HttpStatusCode.Found or HttpStatusCode.SeeOther && method != HttpMethod.Head)
            {
                method = HttpMethod.Get;
                content = null;
            }
            response.Dispose();
            current.Value = uri;
        }
    }

    private AuthenticationHeaderValue? CachedAuthorization(RegistryReference reference, string scope)
    {
        if (!_challenges.TryGetValue(reference.Registry, out var challenge))
        {
            return null;
        }
        if (challenge.IsBearer && _tokens.TryGet(reference.Registry, scope, out var token))
        {
            return new AuthenticationHeaderValue("Bearer", token);
        }
        if (challenge.IsBasic && _options.Credentials.Find(reference.Registry) is { } credentials)
        {
            return new AuthenticationHeaderValue("Basic", credentials.ToBasicHeaderValue());
        }
        return null;
    }

    private static string Scope(string repository, RegistryAccess access, IReadOnlyList<string>? extra)
    {
        var scope = $"repository:{repository}:{(access == RegistryAccess.Push ? "pull,push" : "pull")}";
        return extra is null || extra.Count == 0 ? scope : scope + " " + string.Join(' ', extra);
    }

    /// <summary>
    /// How long to wait before trying again: what Retry-After asks, up to <see cref="RegistryClientOptions.MaxRetryAfter"/>,
    /// else exponential backoff. A wait longer than the cap, or past the deadline, fails the request now instead.
    /// </summary>
    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt, string what, DateTimeOffset? deadline)
    {
        var status = $"HTTP {(int)response.StatusCode}";
        var retryAfter = response.Headers.RetryAfter;
        TimeSpan? asked = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (asked > _options.MaxRetryAfter)
        {
            throw new StrataException(
                $"{what}: {status}, and the registry asks to retry after {RequestTimer.Seconds(asked.Value)}, longer than the {RequestTimer.Seconds(_options.MaxRetryAfter)} Strata waits");
        }
        var wait = asked is { } w && w > TimeSpan.Zero ? w : Backoff(attempt);
        if (DateTimeOffset.UtcNow + wait > deadline)
        {
            throw new StrataException(
                $"{what}: {status} after {attempt} {(attempt == 1 ? "try" : "tries")}; waiting {RequestTimer.Seconds(wait)} more would pass the {RequestTimer.Seconds(_options.RequestDeadline)} deadline for one request");
        }
        return wait;
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = _options.InitialBackoff * Math.Pow(2, attempt - 1);
        return delay < _options.MaxBackoff ? delay : _options.MaxBackoff;
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || ((int)status >= 500 && status != HttpStatusCode.NotImplemented);

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    private static bool SameHost(Uri a, Uri b) =>
        string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    internal static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var detail = "";
        try
        {
            var body = await ReadLimitedAsync(response, 64 * 1024, what, cancellationToken);
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                detail = string.Join("; ", errors.EnumerateArray().Select(e =>
                    e.TryGetProperty("message", out var m) ? m.GetString() : e.TryGetProperty("code", out var c) ? c.GetString() : null).OfType<string>());
            }
        }
        catch (Exception e) when (e is JsonException or StrataException or HttpRequestException or IOException)
        {
        }
        var reason = response.StatusCode switch
        {
            HttpStatusCode.NotFound => "not found",
            HttpStatusCode.Unauthorized => "authentication failed",
            HttpStatusCode.Forbidden => "access denied",
            _ => $"HTTP {(int)response.StatusCode}",
        };
        detail = RegistryText.Printable(detail);
        throw new StrataException($"{what}: {reason}{(detail.Length > 0 ? $" ({detail})" : "")}");
    }

    /// <summary>Reads a body whole, at most <paramref name="limit"/> bytes of it; a body cut short or a dropped connection names the URL.</summary>
    internal static async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, long limit, string what, CancellationToken cancellationToken)
    {
        var url = response.Content is TimedResponseContent timed ? timed.Url : response.RequestMessage?.RequestUri;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new StrataException($"{what}: more than {limit} bytes, over the limit");
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        catch (HttpIOException e) when (e.HttpRequestError == HttpRequestError.ResponseEnded && response.Content.Headers.ContentLength is { } length)
        {
            throw new StrataException($"{what}: {url}: the body ended before the {length} bytes its Content-Length gives");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new StrataException($"{what}: {url}: the connection failed while reading the body ({NetworkFailure.Describe(e)})");
        }
    }

    /// <summary>Notes that <paramref name="reference"/>'s repository holds these blobs (its manifest names them), for later mounts.</summary>
    public void RememberBlobs(RegistryReference reference, IEnumerable<Digest> digests)
    {
        foreach (var digest in digests)
        {
            _locations.Remember(reference.Registry, reference.Repository, digest);
        }
    }

    public void Dispose()
    {
        _locations.Save();
        _http.Dispose();
        _tokenLock.Dispose();
    }
}

public enum RegistryAccess
{
    Pull,
    Push,
}

/// <summary>A manifest or index exactly as served, with its media type and computed digest.</summary>
public sealed record ManifestResponse(byte[] Bytes, string MediaType, Digest Digest);
