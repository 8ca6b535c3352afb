using Strata.Images;

namespace Strata.Policy.Fleet;

/// <summary>
/// REGISTRY[/PREFIX]: the registry host (with its port) and, optionally, the repositories to take: those named PREFIX
/// or under it, a whole path segment at a time (<c>team</c> takes <c>team/app</c>, never <c>teamwork/app</c>).
/// </summary>
public sealed record RegistryTarget(string Registry, string? Prefix)
{
    public static RegistryTarget Parse(string text, string option)
    {
        var trimmed = text.StartsWith("docker://", StringComparison.Ordinal) ? text["docker://".Length..] : text;
        trimmed = trimmed.TrimEnd('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var registry = slash < 0 ? trimmed : trimmed[..slash];
        var prefix = slash < 0 ? null : trimmed[(slash + 1)..];
        if (registry.Length == 0 || !IsHost(registry))
        {
            throw new StrataException($"{option}: '{text}' does not start with a registry host, as in localhost:5000 or registry.example.com/team");
        }
        if (prefix is not null && (prefix.Length == 0 || prefix.Split('/').Any(s => s.Length == 0 || s.Any(c => !IsNameChar(c)))))
        {
            throw new StrataException($"{option}: '{prefix}' is not a repository prefix (lowercase letters, digits, '.', '_', '-' and '/')");
        }
        if (prefix is not null && (prefix.Contains(':', StringComparison.Ordinal) || prefix.Contains('@', StringComparison.Ordinal)))
        {
            throw new StrataException($"{option}: '{text}' names a tag or digest; give a registry and an optional repository prefix");
        }
        return new RegistryTarget(registry, prefix);
    }

    public bool Takes(string repository) =>
        Prefix is null || repository == Prefix || repository.StartsWith(Prefix + "/", StringComparison.Ordinal);

    public override string ToString() => Prefix is null ? Registry : $"{Registry}/{Prefix}";

    private static bool IsHost(string host) =>
        host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']')
        && (host.Contains('.', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal) || host == "localhost");

    private static bool IsNameChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-';
}
