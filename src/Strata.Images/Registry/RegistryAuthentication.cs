using System.Net.Http.Headers;
using System.Text.Json;

namespace Strata.Images.Registry;

/// <summary>Answering a registry's challenge: Basic with the user's credentials, or a bearer token from the realm it names.</summary>
public sealed partial class RegistryClient
{
    private async Task AuthenticateAsync(
        RegistryReference reference, AuthChallenge challenge, string scope, string what, DateTimeOffset deadline, CancellationToken cancellationToken)
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
        if (!challenge.IsBearer || challenge.Realm is null)
        {
            throw new StrataException($"{what}: unsupported authentication challenge '{IO.ShownText.Of(challenge.Scheme, RegistryClientOptions.MaxShownChars)}'");
        }
        if (!Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm) || challenge.Realm.StartsWith('/'))
        {
            throw new StrataException($"{what}: the registry's token realm '{IO.ShownText.Of(challenge.Realm, RegistryClientOptions.MaxShownChars)}' is not an absolute URL");
        }
        RegistryUrls.RequireHttp(realm, what, "token realm");
        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (_tokens.TryGet(reference.Registry, scope, out _))
            {
                return;
            }
            var (token, lifetime) = await FetchTokenAsync(reference, challenge, realm, scope, what, deadline, cancellationToken);
            _tokens.Add(reference.Registry, scope, token, lifetime);
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(
        RegistryReference reference, AuthChallenge challenge, Uri realm, string scope, string what, DateTimeOffset deadline, CancellationToken cancellationToken)
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
        var tokenService = $"the token service {realm.GetLeftPart(UriPartial.Path)}";
        var timer = new RequestTimer(cancellationToken, _options.IdleTimeout, deadline, _options.RequestDeadline);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timer.Token);
        }
        catch (OperationCanceledException) when (timer.Expired)
        {
            timer.Dispose();
            throw new StrataException($"{what}: {tokenService}: {timer.Reason}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            timer.Dispose();
            throw new StrataException($"{what}: cannot reach {tokenService} ({NetworkFailure.Unreachable(e, realm) ?? NetworkFailure.Describe(e)})");
        }
        catch (Exception e) when (e is not (StrataException or OperationCanceledException))
        {
            timer.Dispose();
            throw new StrataException($"{what}: {tokenService}: {NetworkFailure.Describe(e)}");
        }
        timer.Rearm();
        response.Content = new TimedResponseContent(response.Content, timer, $"{what}: {tokenService}", realm);
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new StrataException(
                    $"{what}: {tokenService} refused ({(int)response.StatusCode}){(credentials is null ? "; no credentials were found for " + reference.Registry : "")}");
            }
            if (response.Content.Headers.ContentLength > RegistryClientOptions.MaxTokenBytes)
            {
                throw new StrataException($"{what}: {tokenService} answered {response.Content.Headers.ContentLength} bytes, over the {RegistryClientOptions.MaxTokenBytes}-byte limit for tokens");
            }
            var body = await ReadLimitedAsync(response, RegistryClientOptions.MaxTokenBytes, $"{what}: {tokenService}", cancellationToken);
            return ParseToken(body, $"{what}: {tokenService}");
        }
    }

    private static (string Token, TimeSpan Lifetime) ParseToken(byte[] body, string what)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new StrataException($"{what}: the answer is not a JSON object");
            }
            var token = root.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()
                : root.TryGetProperty("access_token", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            if (string.IsNullOrEmpty(token))
            {
                throw new StrataException($"{what}: answered without a token");
            }
            var seconds = root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var s) && s > 0 ? s : 60;
            return (token, TimeSpan.FromSeconds(seconds));
        }
        catch (JsonException)
        {
            throw new StrataException($"{what}: answered with invalid JSON");
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
}
