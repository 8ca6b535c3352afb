namespace Strata.Policy.Policies.Builtin;

/// <summary>
/// An image reference spelt out in full, as registries and the policy's patterns compare it: <c>debian:12</c> is
/// <c>docker.io/library/debian</c> with tag 12, <c>bitnami/redis</c> is <c>docker.io/bitnami/redis</c>, and a first
/// part with a dot or a port, or <c>localhost</c>, is a registry.
/// </summary>
public sealed record ImageName(string Repository, string? Tag, string? Digest)
{
    public override string ToString() => Repository + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    public static ImageName Parse(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var digest = at >= 0 ? reference[(at + 1)..] : null;
        var name = at >= 0 ? reference[..at] : reference;
        var slash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        var tag = colon > slash ? name[(colon + 1)..] : null;
        var path = colon > slash ? name[..colon] : name;
        return new ImageName(Qualify(path), tag, digest);
    }

    /// <summary>A repository path with its registry: Docker Hub's when it names none.</summary>
    public static string Qualify(string path)
    {
        var first = path.Split('/')[0];
        var hasRegistry = path.Contains('/', StringComparison.Ordinal)
            && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost");
        if (hasRegistry)
        {
            return path;
        }
        return path.Contains('/', StringComparison.Ordinal) ? "docker.io/" + path : "docker.io/library/" + path;
    }
}
