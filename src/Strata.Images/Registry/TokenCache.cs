using System.Collections.Concurrent;

namespace Strata.Images.Registry;

/// <summary>Bearer tokens per registry and scope, kept until shortly before they expire.</summary>
internal sealed class TokenCache
{
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    public bool TryGet(string registry, string scope, out string token)
    {
        token = "";
        if (_tokens.TryGetValue(Key(registry, scope), out var entry) && entry.Expires > DateTimeOffset.UtcNow)
        {
            token = entry.Token;
            return true;
        }
        return false;
    }

    public void Add(string registry, string scope, string token, TimeSpan lifetime)
    {
        // A little early, so a token never expires between being read here and reaching the registry.
        var margin = TimeSpan.FromSeconds(Math.Min(10, lifetime.TotalSeconds / 10));
        _tokens[Key(registry, scope)] = (token, DateTimeOffset.UtcNow + lifetime - margin);
    }

    private static string Key(string registry, string scope) => registry + "\n" + scope;
}
