using System.Net;
using System.Runtime.CompilerServices;

namespace Strata.Images.Registry;

/// <summary>Sending one request: authentication on challenge, retries, redirects, and the bounds in time of every exchange.</summary>
public sealed partial class RegistryClient
{
    private const int MaxRedirects = 5;

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
}
