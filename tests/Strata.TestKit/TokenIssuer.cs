using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Strata.TestKit;

/// <summary>
/// A Docker token server on 127.0.0.1: <c>GET /token?service=S&amp;scope=repository:NAME:pull,push</c> (scope may
/// repeat, or hold several scopes split by spaces), with or without Basic credentials. The one user it knows gets
/// every action it asks for; anonymous callers get pull on repositories under <c>public/</c> and nothing else; wrong
/// credentials get 401. Tokens are RS256 JWTs signed as <see cref="TokenSigner"/> describes. It counts requests so
/// tests can tell whether a client reused its token.
/// </summary>
public sealed class TokenIssuer : IDisposable
{
    public const string DefaultService = "strata-test";
    public const string DefaultIssuerName = "strata-test-issuer";

    /// <summary>Anonymous callers may pull repositories whose name starts with this.</summary>
    public const string PublicPrefix = "public/";

    private const int PortAttempts = 5;

    private readonly TokenSigner _signer;
    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly Lock _lock = new();
    private TimeSpan _lifetime;
    private int _tokenRequests;
    private string? _lastAuthorization;
    private IReadOnlyList<string> _lastScopes = [];
    private bool _disposed;

    private TokenIssuer(TokenSigner signer, HttpListener listener, int port, string username, string password,
        TimeSpan lifetime, string service, string issuerName)
    {
        _signer = signer;
        _listener = listener;
        _lifetime = lifetime;
        Realm = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/token");
        Username = username;
        Password = password;
        Service = service;
        IssuerName = issuerName;
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>Where clients ask for tokens: the registry's <c>auth.token.realm</c>.</summary>
    public Uri Realm { get; }

    /// <summary>The audience of the tokens: the registry's <c>auth.token.service</c>.</summary>
    public string Service { get; }

    /// <summary>The tokens' <c>iss</c>: the registry's <c>auth.token.issuer</c>.</summary>
    public string IssuerName { get; }

    public string Username { get; }

    public string Password { get; }

    /// <summary>The signing certificate as PEM: the registry's <c>auth.token.rootcertbundle</c>.</summary>
    public string CertificatePem => _signer.CertificatePem;

    /// <summary>How long tokens issued from now on live (<c>expires_in</c>, and <c>exp</c> in the token).</summary>
    public TimeSpan Lifetime
    {
        get
        {
            lock (_lock)
            {
                return _lifetime;
            }
        }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromSeconds(1));
            lock (_lock)
            {
                _lifetime = value;
            }
        }
    }

    /// <summary>Requests for <c>/token</c> so far, granted or not.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>The Authorization header of the latest token request; null if it had none.</summary>
    public string? LastAuthorization
    {
        get
        {
            lock (_lock)
            {
                return _lastAuthorization;
            }
        }
    }

    /// <summary>The scopes the latest token request asked for, one each, in order.</summary>
    public IReadOnlyList<string> LastScopes
    {
        get
        {
            lock (_lock)
            {
                return _lastScopes;
            }
        }
    }

    /// <summary>Starts serving on a free loopback port.</summary>
    public static TokenIssuer Start(string username, string password, TimeSpan? lifetime = null,
        string service = DefaultService, string issuerName = DefaultIssuerName)
    {
        var signer = new TokenSigner(issuerName);
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            try
            {
                listener.Start();
            }
            catch (HttpListenerException) when (attempt < PortAttempts)
            {
                listener.Close();
                continue;
            }
            catch
            {
                listener.Close();
                signer.Dispose();
                throw;
            }
            return new TokenIssuer(signer, listener, port, username, password,
                lifetime ?? TimeSpan.FromSeconds(300), service, issuerName);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        // Close alone: after Stop has released the port, Close looks the endpoint up again, binds the port anew to do
        // so, and fails when another test's server has taken it meanwhile ("Address already in use").
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(10));
        _signer.Dispose();
    }

    private async Task ServeAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                Answer(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away; the next one is served all the same.
            }
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var request = context.Request;
        using var response = context.Response;
        if (request.Url?.AbsolutePath != "/token")
        {
            Reply(response, HttpStatusCode.NotFound, "not found");
            return;
        }
        var authorization = request.Headers["Authorization"];
        var scopes = (request.QueryString.GetValues("scope") ?? [])
            .SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        lock (_lock)
        {
            _tokenRequests++;
            _lastAuthorization = authorization;
            _lastScopes = scopes;
        }
        if (request.HttpMethod != "GET")
        {
            Reply(response, HttpStatusCode.MethodNotAllowed, "only GET /token is served");
            return;
        }
        var service = request.QueryString["service"];
        if (service is not null && service != Service)
        {
            Reply(response, HttpStatusCode.BadRequest, $"unknown service {service}; this issuer serves {Service}");
            return;
        }
        string? subject = null;
        if (authorization is not null)
        {
            subject = Authenticate(authorization);
            if (subject is null)
            {
                response.AddHeader("WWW-Authenticate", $"Basic realm=\"{IssuerName}\"");
                Reply(response, HttpStatusCode.Unauthorized, "wrong user name or password");
                return;
            }
        }
        var lifetime = Lifetime;
        var now = DateTimeOffset.UtcNow;
        var token = _signer.Sign(writer => WriteClaims(writer, subject, scopes, now, lifetime));
        Reply(response, HttpStatusCode.OK, writer =>
        {
            writer.WriteString("token", token);
            writer.WriteString("access_token", token);
            writer.WriteNumber("expires_in", (long)lifetime.TotalSeconds);
            writer.WriteString("issued_at", now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        });
    }

    /// <summary>The user name if the Basic credentials are the known ones, else null.</summary>
    private string? Authenticate(string authorization)
    {
        const string Basic = "Basic ";
        if (!authorization.StartsWith(Basic, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[Basic.Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
        return decoded == $"{Username}:{Password}" ? Username : null;
    }

    private void WriteClaims(Utf8JsonWriter writer, string? subject, IReadOnlyList<string> scopes, DateTimeOffset now,
        TimeSpan lifetime)
    {
        writer.WriteString("iss", IssuerName);
        writer.WriteString("sub", subject ?? "");
        writer.WriteString("aud", Service);
        writer.WriteNumber("exp", (now + lifetime).ToUnixTimeSeconds());
        writer.WriteNumber("nbf", now.ToUnixTimeSeconds());
        writer.WriteNumber("iat", now.ToUnixTimeSeconds());
        writer.WriteString("jti", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        writer.WriteStartArray("access");
        foreach (var scope in scopes)
        {
            if (Grant(scope, authenticated: subject is not null) is not { } grant)
            {
                continue;
            }
            writer.WriteStartObject();
            writer.WriteString("type", grant.Type);
            writer.WriteString("name", grant.Name);
            writer.WriteStartArray("actions");
            foreach (var action in grant.Actions)
            {
                writer.WriteStringValue(action);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>What a scope <c>TYPE:NAME:ACTION,ACTION</c> yields; null for nothing at all.</summary>
    private static (string Type, string Name, string[] Actions)? Grant(string scope, bool authenticated)
    {
        var firstColon = scope.IndexOf(':', StringComparison.Ordinal);
        var lastColon = scope.LastIndexOf(':');
        if (firstColon <= 0 || lastColon <= firstColon)
        {
            return null;
        }
        var type = scope[..firstColon];
        var name = scope[(firstColon + 1)..lastColon];
        var actions = scope[(lastColon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (!authenticated)
        {
            var isPublic = type == "repository" && name.StartsWith(PublicPrefix, StringComparison.Ordinal);
            actions = isPublic ? actions.Where(a => a == "pull").ToArray() : [];
        }
        return actions.Length == 0 ? null : (type, name, actions.Distinct().ToArray());
    }

    private static void Reply(HttpListenerResponse response, HttpStatusCode status, string error) =>
        Reply(response, status, writer =>
        {
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("code", status.ToString().ToUpperInvariant());
            writer.WriteString("message", error);
            writer.WriteEndObject();
            writer.WriteEndArray();
        });

    private static void Reply(HttpListenerResponse response, HttpStatusCode status, Action<Utf8JsonWriter> writeProperties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }
        response.StatusCode = (int)status;
        response.ContentType = "application/json";
        response.ContentLength64 = buffer.Length;
        response.OutputStream.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
