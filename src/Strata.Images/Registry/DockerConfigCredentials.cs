using System.Diagnostics;
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

    /// <param name="configDirectory">DOCKER_CONFIG, or <c>~/.docker</c>.</param>
    public DockerConfigCredentials(string configDirectory)
    {
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

    /// <summary>Runs <c>docker-credential-NAME get</c> with the server on standard input, as Docker does.</summary>
    private RegistryCredentials? RunHelper(string name, string registry)
    {
        var server = registry == RegistryReference.DockerHub ? DockerHubAuthKey : registry;
        var start = new ProcessStartInfo($"docker-credential-{name}", "get")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new StrataException($"{_path}: cannot run docker-credential-{name}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new StrataException($"{_path}: credential helper docker-credential-{name} cannot run ({e.Message})");
        }
        using (process)
        {
            process.StandardInput.Write(server);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(30_000))
            {
                process.Kill(entireProcessTree: true);
                throw new StrataException($"docker-credential-{name}: no answer within 30 s for {server}");
            }
            if (process.ExitCode != 0)
            {
                // "credentials not found" is the helper's way of saying: anonymous.
                return error.Contains("not found", StringComparison.OrdinalIgnoreCase) || output.Contains("not found", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : throw new StrataException($"docker-credential-{name} failed for {server}: {(error + output).Trim()}");
            }
            try
            {
                using var document = JsonDocument.Parse(output);
                var root = document.RootElement;
                return new RegistryCredentials(root.GetProperty("Username").GetString() ?? "", root.GetProperty("Secret").GetString() ?? "");
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new StrataException($"docker-credential-{name}: unreadable answer for {server}");
            }
        }
    }

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
