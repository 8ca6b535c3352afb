using System.Text.RegularExpressions;
using Strata.Images.Model;

namespace Strata.Images.Registry;

/// <summary>
/// An image in a registry, normalised the way Docker does: <c>nginx</c> is
/// <c>docker.io/library/nginx:latest</c>, fetched from <c>registry-1.docker.io</c>.
/// </summary>
public sealed partial record RegistryReference(string Registry, string Repository, string? Tag, Digest? Digest)
{
    public const string DockerHub = "docker.io";

    /// <summary>Where the registry's API lives (Docker Hub's differs from its name).</summary>
    public string ApiHost => Registry == DockerHub ? "registry-1.docker.io" : Registry;

    /// <summary>What to ask the registry for: the digest when pinned, else the tag.</summary>
    public string ManifestReference => Digest?.ToString() ?? Tag ?? "latest";

    public static RegistryReference Parse(string text)
    {
        var original = text;
        if (text.StartsWith("docker://", StringComparison.Ordinal))
        {
            text = text["docker://".Length..];
        }
        Digest? digest = null;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = Model.Digest.Parse(text[(at + 1)..], $"image reference '{original}'");
            text = text[..at];
        }
        string? tag = null;
        var lastSlash = text.LastIndexOf('/');
        var colon = text.LastIndexOf(':');
        if (colon > lastSlash)
        {
            tag = text[(colon + 1)..];
            text = text[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                throw new StrataException($"image reference '{original}': '{tag}' is not a valid tag");
            }
        }
        var firstSlash = text.IndexOf('/', StringComparison.Ordinal);
        string registry, repository;
        if (firstSlash > 0 && IsRegistryName(text[..firstSlash]))
        {
            registry = text[..firstSlash];
            repository = text[(firstSlash + 1)..];
        }
        else
        {
            registry = DockerHub;
            repository = text;
        }
        if (registry is "index.docker.io" or "registry-1.docker.io")
        {
            registry = DockerHub;
        }
        if (registry == DockerHub && !repository.Contains('/', StringComparison.Ordinal))
        {
            repository = "library/" + repository;
        }
        if (!RepositoryPattern().IsMatch(repository))
        {
            throw new StrataException($"image reference '{original}': '{repository}' is not a valid repository name (lowercase letters, digits, separators)");
        }
        return new RegistryReference(registry, repository, tag ?? (digest is null ? "latest" : null), digest);
    }

    /// <summary>Whether a bare reference could name a registry image (rather than a mistyped path).</summary>
    public static bool LooksLikeReference(string text) =>
        !text.StartsWith('.') && !text.StartsWith('/') && !text.Contains('\\', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal);

    public RegistryReference WithDigest(Digest digest) => this with { Digest = digest };

    public override string ToString()
    {
        var name = $"{Registry}/{Repository}";
        if (Tag is not null)
        {
            name += ":" + Tag;
        }
        return Digest is { } d ? $"{name}@{d}" : name;
    }

    private static bool IsRegistryName(string component) =>
        component.Contains('.', StringComparison.Ordinal) || component.Contains(':', StringComparison.Ordinal) || component == "localhost"
        || component.Any(char.IsAsciiLetterUpper);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPattern();
}
