using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
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

    public RegistryClient(RegistryClientOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 16,
        };
        _http = new HttpClient(handler) { Timeout = options.Timeout };
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
        var bytes = await ReadLimitedAsync(response.Content, RegistryClientOptions.MaxManifestBytes, what, cancellationToken);
        // Asked for by digest, the manifest is hashed with that digest's algorithm (sha256 or sha512), else with sha256.
        var isPinned = Digest.TryParse(manifestReference, out var pinned);
        var digest = Digest.Compute(isPinned ? pinned.Algorithm : Digest.Sha256, bytes);
        if (response.Headers.TryGetValues("Docker-Content-Digest", out var values)
            && Digest.TryParse(values.FirstOrDefault(), out var served) && !served.Matches(bytes))
        {
            throw new StrataException($"{what}: content hashes to {Digest.Compute(served.Algorithm, bytes)}, the registry's Docker-Content-Digest says {served}");
        }
        if (isPinned && pinned != digest)
        {
            throw new StrataException($"{what}: content hashes to {digest}, not the digest asked for");
        }
        if (mediaType.Length == 0 || mediaType == "application/json")
        {
            mediaType = ImageManifest.LooksLikeIndex(bytes, what) ? MediaTypes.OciIndex : MediaTypes.OciManifest;
        }
        return new ManifestResponse(bytes, mediaType, digest);
    }

    /// <summary>Opens a blob for streaming from <paramref name="offset"/>, following redirects.</summary>
    public async Task<HttpResponseMessage> OpenBlobAsync(RegistryReference reference, Digest digest, long offset, CancellationToken cancellationToken)
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
            what, cancellationToken);
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

    internal async Task<HttpResponseMessage> SendAsync(
        RegistryReference reference,
        RegistryAccess access,
        HttpMethod method,
        string path,
        Action<HttpRequestMessage>? configure,
        string what,
        CancellationToken cancellationToken,
        Func<HttpContent>? content = null,
        IReadOnlyList<string>? extraScopes = null)
    {
        var baseUri = RegistryHosts.BaseUri(reference.ApiHost, _options.InsecureRegistries);
        var scope = Scope(reference.Repository, access, extraScopes);
        var attempt = 0;
        var authenticated = false;
        string lastFailure = "";
        while (true)
        {
            attempt++;
            HttpResponseMessage? response = null;
            try
            {
                var target = Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal)
                    ? absolute
                    : new Uri(baseUri, path);
                response = await SendFollowingRedirectsAsync(reference, baseUri, method, target, scope, configure, content, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized && !authenticated)
                {
                    var challenge = AuthChallenge.Parse(response.Headers.WwwAuthenticate.ToString());
                    response.Dispose();
                    if (challenge is null)
                    {
                        throw new StrataException($"{what}: the registry refused access and offered no way to authenticate");
                    }
                    await AuthenticateAsync(reference, challenge, scope, what, cancellationToken);
                    authenticated = true;
                    attempt--;
                    continue;
                }
                if (response.StatusCode == HttpStatusCode.Unauthorized && _options.Credentials.Find(reference.Registry) is null)
                {
                    response.Dispose();
                    throw new StrataException($"{what}: access denied without credentials (docker login, or --username with --password-stdin)");
                }
                if (!IsRetryable(response.StatusCode) || attempt >= _options.MaxAttempts)
                {
                    return response;
                }
                lastFailure = $"HTTP {(int)response.StatusCode}";
                var wait = RetryDelay(response, attempt);
                response.Dispose();
                await Task.Delay(wait, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                response?.Dispose();
                lastFailure = e.Message;
                if (attempt >= _options.MaxAttempts)
                {
                    throw new StrataException($"{what}: failed after {attempt} tries ({lastFailure})");
                }
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }
    }

    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(
        RegistryReference reference,
        Uri baseUri,
        HttpMethod method,
        Uri uri,
        string scope,
        Action<HttpRequestMessage>? configure,
        Func<HttpContent>? content,
        CancellationToken cancellationToken)
    {
        for (var redirect = 0; ; redirect++)
        {
            using var request = new HttpRequestMessage(method, uri);
            configure?.Invoke(request);
            if (content is not null)
            {
                request.Content = content();
            }
            // Credentials go only to the registry's own host; a redirect elsewhere (a CDN, storage) gets none.
            if (SameHost(uri, baseUri))
            {
                request.Headers.Authorization = CachedAuthorization(reference, scope);
            }
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
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
            uri = location.IsAbsoluteUri ? location : new Uri(uri, location);
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

    private async Task AuthenticateAsync(RegistryReference reference, AuthChallenge challenge, string scope, string what, CancellationToken cancellationToken)
    {
        _challenges[reference.Registry] = challenge;
        if (challenge.IsBasic)
        {
            if (_options.Credentials.Find(reference.Registry) is null)
            {
                throw new StrataException($"{what}: the registry requires credentials (docker login, or --username with --password-stdin)");
            }
            return;
        }
        if (!challenge.IsBearer || challenge.Realm is null || !Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm))
        {
            throw new StrataException($"{what}: unsupported authentication challenge '{challenge.Scheme}'");
        }
        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (_tokens.TryGet(reference.Registry, scope, out _))
            {
                return;
            }
            var (token, lifetime) = await FetchTokenAsync(reference, challenge, realm, scope, what, cancellationToken);
            _tokens.Add(reference.Registry, scope, token, lifetime);
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(
        RegistryReference reference, AuthChallenge challenge, Uri realm, string scope, string what, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (challenge.Service is { } service)
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }
        foreach (var part in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            query.Add("scope=" + Uri.EscapeDataString(part));
        }
        var builder = new UriBuilder(realm) { Query = string.Join('&', query) };
        using var request = new HttpRequestMessage(HttpMethod.Get, builder.Uri);
        var credentials = _options.Credentials.Find(reference.Registry);
        if (credentials is not null && MaySendCredentials(realm, reference))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.ToBasicHeaderValue());
        }
        TokenRequests++;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new StrataException($"{what}: cannot reach the token service {realm.GetLeftPart(UriPartial.Path)} ({e.Message})");
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new StrataException(
                    $"{what}: the token service {realm.GetLeftPart(UriPartial.Path)} refused ({(int)response.StatusCode}){(credentials is null ? "; no credentials were found for " + reference.Registry : "")}");
            }
            var body = await ReadLimitedAsync(response.Content, 1 << 20, what, cancellationToken);
            try
            {
                using var json = JsonDocument.Parse(body);
                var root = json.RootElement;
                var token = root.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()
                    : root.TryGetProperty("access_token", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
                if (string.IsNullOrEmpty(token))
                {
                    throw new StrataException($"{what}: the token service answered without a token");
                }
                var seconds = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) && s > 0 ? s : 60;
                return (token, TimeSpan.FromSeconds(seconds));
            }
            catch (JsonException)
            {
                throw new StrataException($"{what}: the token service answered with invalid JSON");
            }
        }
    }

    /// <summary>Credentials never travel in the clear to a host other than the registry's own.</summary>
    private bool MaySendCredentials(Uri realm, RegistryReference reference)
    {
        if (realm.Scheme == Uri.UriSchemeHttps)
        {
            return true;
        }
        var registryHost = RegistryHosts.HostName(reference.ApiHost);
        return string.Equals(realm.Host, registryHost.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
            && RegistryHosts.AllowsPlainHttp(reference.ApiHost, _options.InsecureRegistries);
    }

    private static string Scope(string repository, RegistryAccess access, IReadOnlyList<string>? extra)
    {
        var scope = $"repository:{repository}:{(access == RegistryAccess.Push ? "pull,push" : "pull")}";
        return extra is null || extra.Count == 0 ? scope : scope + " " + string.Join(' ', extra);
    }

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        var retryAfter = response.Headers.RetryAfter;
        TimeSpan? wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (wait is { } w && w > TimeSpan.Zero)
        {
            return w < _options.MaxBackoff ? w : _options.MaxBackoff;
        }
        return Backoff(attempt);
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
            var body = await ReadLimitedAsync(response.Content, 64 * 1024, what, cancellationToken);
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
        throw new StrataException($"{what}: {reason}{(detail.Length > 0 ? $" ({detail})" : "")}");
    }

    internal static async Task<byte[]> ReadLimitedAsync(HttpContent content, long limit, string what, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
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

    public void Dispose()
    {
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
