using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Strata.Analysis.Reading;

namespace Strata.Analysis.Advising.Safety;

/// <summary>
/// Looks for secrets in files during the single read of each layer: private keys (by their PEM header), credential
/// files by name (.env, ~/.aws/credentials, ~/.docker/config.json with auths, .npmrc with a token, .git-credentials,
/// .netrc, .pypirc) and well-known token formats in small text files. Only files up to <see cref="MaxFileSize"/> are
/// judged, from the first bytes the reader hands over anyway: no sink is ever opened, so no file is held or read
/// further. Thread-safe: layers are read in parallel.
/// </summary>
public sealed class SecretFileCaptor : IFileCaptor, Caching.ICacheableCaptor
{
    /// <summary>Keys and credential files are small; a larger file is passed over.</summary>
    public const int MaxFileSize = 64 * 1024;

    private readonly ConcurrentBag<SecretFileHit> _hits = [];

    public IReadOnlyList<SecretFileHit> Hits => _hits.OrderBy(h => h.Layer).ThenBy(h => h.Path, StringComparer.Ordinal).ToList();

    public IFileSink? Open(int layer, string path, long size, int mode, ReadOnlySpan<byte> head)
    {
        if (size > MaxFileSize || size == 0 || head.Length < size || head.Contains((byte)0))
        {
            return null;
        }
        var text = Encoding.UTF8.GetString(head);
        if (Judge(path, text) is { } found)
        {
            _hits.Add(new SecretFileHit(layer, "/" + path, found.Kind, found.Hint));
        }
        return null;
    }

    public IReadOnlyList<Caching.CaptorPart> Parts { get; } = [new("secrets", Caching.CodeVersion.Of(typeof(SecretFileCaptor), typeof(SecretPatterns)))];

    /// <summary>The hits in one layer, for the layer cache.</summary>
    public IReadOnlyDictionary<string, byte[]>? Save(int layer) =>
        new Dictionary<string, byte[]> { ["secrets"] = Caching.SecretHitCodec.Encode(_hits.Where(h => h.Layer == layer)) };

    public void Restore(int layer, IReadOnlyDictionary<string, byte[]> parts)
    {
        foreach (var hit in Caching.SecretHitCodec.Decode(parts["secrets"]))
        {
            _hits.Add(hit with { Layer = layer });
        }
    }

    /// <summary>What secret a small text file holds, if any.</summary>
    public static (SecretFileKind Kind, string Hint)? Judge(string path, string text)
    {
        if (PrivateKey(text) is { } key)
        {
            return (SecretFileKind.PrivateKey, key);
        }
        if (Credentials(path, text) is { } credentials)
        {
            return (SecretFileKind.Credentials, credentials);
        }
        return SecretPatterns.FindToken(text) is { } token ? (SecretFileKind.Token, $"a secret matching the {token} format, value redacted") : null;
    }

    /// <summary>A PEM private key: the file starts with its BEGIN line. The hint is that line's key type.</summary>
    private static string? PrivateKey(string text)
    {
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var firstLine = start.Split('\n', 2)[0].TrimEnd('\r');
        var header = SecretPatterns.PrivateKeyHeader().Match(firstLine);
        return header.Success && header.Index == 0 ? $"a private key ({header.Value.Trim('-')})" : null;
    }

    private static string? Credentials(string path, string text)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (IsEnvFile(name))
        {
            var names = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => l.StartsWith("export ", StringComparison.Ordinal) ? l[7..].TrimStart() : l)
                .Select(l => l.Split('=', 2)).Where(p => p.Length == 2 && p[1].Trim().Length > 0).Select(p => p[0].Trim()).Where(IsVariableName).ToList();
            return names.Count == 0 ? null : string.Create(CultureInfo.InvariantCulture,
                $"a .env file setting {names.Count} variable{(names.Count == 1 ? "" : "s")} ({string.Join(", ", names.Take(5))}{(names.Count > 5 ? ", …" : "")}), values redacted");
        }
        if (path.EndsWith(".aws/credentials", StringComparison.Ordinal) && Has(text, "aws_secret_access_key", "aws_access_key_id", "aws_session_token"))
        {
            return "AWS credentials (aws_access_key_id / aws_secret_access_key), values redacted";
        }
        if (path.EndsWith(".docker/config.json", StringComparison.Ordinal) && Has(text, "\"auths\"") && Has(text, "\"auth\"", "\"identitytoken\""))
        {
            return "registry credentials in auths, values redacted";
        }
        return name switch
        {
            ".npmrc" when Has(text, "_authToken", "_auth", "_password") => "an npm registry token, value redacted",
            ".git-credentials" when text.Contains('@', StringComparison.Ordinal) => "git credentials (https://user:token@host), values redacted",
            ".netrc" when Has(text, "password") => "a netrc password, value redacted",
            ".pypirc" when Has(text, "password") => "a PyPI password, value redacted",
            _ => null,
        };
    }

    /// <summary>A plain variable name, shown as a hint; anything else on the left of '=' might be a secret itself.</summary>
    private static bool IsVariableName(string name) =>
        name.Length is > 0 and <= 40 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static bool IsEnvFile(string name) =>
        (name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal))
        && !name.EndsWith(".example", StringComparison.Ordinal) && !name.EndsWith(".sample", StringComparison.Ordinal)
        && !name.EndsWith(".template", StringComparison.Ordinal) && !name.EndsWith(".dist", StringComparison.Ordinal);

    private static bool Has(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));
}
