using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Strata.Images.Registry;

/// <summary>
/// Credentials as Docker keeps them in <c>config.json</c>: inline <c>auths</c>, a global <c>credsStore</c>, or a
/// per-registry <c>credHelpers</c> entry run as <c>docker-credential-NAME get</c>.
/// </summary>
public sealed class DockerConfigCredentials : ICredentialProvider
{
    private const string DockerHubAuthKey = "https://index.docker.io/v1/";
    private readonly string _path;
    private readonly Dictionary<string, RegistryCredentials> _inline = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _helpers = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _store;
    private readonly TimeSpan _helperTimeout;
    private readonly ConcurrentDictionary<string, Lazy<RegistryCredentials?>> _helperAnswers = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="configDirectory">DOCKER_CONFIG, or <c>~/.docker</c>.</param>
    /// <param name="helperTimeout">How long a credential helper may take to answer (default 30 s).</param>
    public DockerConfigCredentials(string configDirectory, TimeSpan? helperTimeout = null)
    {
        _helperTimeout = helperTimeout ?? TimeSpan.FromSeconds(30);
        _path = Path.Combine(configDirectory, "config.json");
        if (!File.Exists(_path))
        {
            return;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(_path));
            var root = document.RootElement;
            if (root.TryGetProperty("auths", out var auths) && auths.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in auths.EnumerateObject())
                {
                    if (ReadInline(entry.Value) is { } credentials)
                    {
                        _inline[NormalizeKey(entry.Name)] = credentials;
                    }
                }
            }
            if (root.TryGetProperty("credHelpers", out var helpers) && helpers.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in helpers.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.String))
                {
                    _helpers[NormalizeKey(entry.Name)] = entry.Value.GetString()!;
                }
            }
            if (root.TryGetProperty("credsStore", out var store) && store.ValueKind == JsonValueKind.String)
            {
                _store = store.GetString();
            }
        }
        catch (JsonException e)
        {
            throw new StrataException($"{_path}: invalid JSON ({e.Message})");
        }
    }

    public RegistryCredentials? Find(string registry)
    {
        var key = NormalizeKey(registry);
        if (_helpers.TryGetValue(key, out var helper))
        {
            return RunHelper(helper, registry);
        }
        if (_inline.TryGetValue(key, out var inline))
        {
            return inline;
        }
        return string.IsNullOrEmpty(_store) ? null : RunHelper(_store, registry);
    }

    private static RegistryCredentials? ReadInline(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (entry.TryGetProperty("auth", out var auth) && auth.ValueKind == JsonValueKind.String && auth.GetString() is { Length: > 0 } encoded)
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? new RegistryCredentials(decoded[..colon], decoded[(colon + 1)..]) : null;
        }
        if (entry.TryGetProperty("username", out var user) && entry.TryGetProperty("password", out var password))
        {
            return new RegistryCredentials(user.GetString() ?? "", password.GetString() ?? "");
        }
        return null;
    }

    /// <summary>Each helper runs once per registry; its answer (or its failure) holds for the rest of the run.</summary>
    private RegistryCredentials? RunHelper(string name, string registry) =>
        _helperAnswers.GetOrAdd(registry, _ => new Lazy<RegistryCredentials?>(
            () => CredentialHelper.Get(name, registry == RegistryReference.DockerHub ? DockerHubAuthKey : registry, _helperTimeout, _path))).Value;

    /// <summary>Config keys may be URLs (<c>https://index.docker.io/v1/</c>) or bare hosts.</summary>
    private static string NormalizeKey(string key)
    {
        if (key == DockerHubAuthKey || key is "index.docker.io" or "registry-1.docker.io")
        {
            return RegistryReference.DockerHub;
        }
        var host = key;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }
        var slash = host.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 ? host[..slash] : host;
    }
}
