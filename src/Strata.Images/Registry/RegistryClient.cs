using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Strata.Images.Model;

namespace Strata.Images.Registry;

/// <summary>
/// The OCI distribution protocol over HTTP: authentication by challenge, retries with backoff, redirects that
/// never carry credentials to another host (and only to http or https URLs), and manifests kept byte for byte.
/// Every exchange is bounded in time (<see cref="RegistryClientOptions.IdleTimeout"/>, the deadline for one request)
/// and every failure is a <see cref="StrataException"/> naming the URL.
/// </summary>
public sealed partial class RegistryClient : IDisposable
{
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
        if (repository.Length == 0)
        {
            // A request about the registry itself (the catalog) asks only for the scopes it names.
            return string.Join(' ', extra ?? []);
        }
        var scope = $"repository:{repository}:{(access == RegistryAccess.Push ? "pull,push" : "pull")}";
        return extra is null || extra.Count == 0 ? scope : scope + " " + string.Join(' ', extra);
    }

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
        detail = IO.ShownText.Of(detail, RegistryClientOptions.MaxShownChars);
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
