namespace Strata.Dockerfile.Rules;

/// <summary>
/// A FROM image reference split as Docker reads it: <c>[registry/]repository[:tag][@digest]</c>, where the first
/// path part is a registry only if it has a dot or a port, or is <c>localhost</c>.
/// </summary>
public sealed record ImageName(string? Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>The last part of the repository: <c>node</c> of <c>library/node</c>.</summary>
    public string ShortName => Repository[(Repository.LastIndexOf('/') + 1)..];

    /// <summary>A Docker Hub official image (<c>node</c>, <c>library/node</c>, <c>docker.io/library/node</c>).</summary>
    public bool IsOfficial => Registry is null or "docker.io" or "index.docker.io" or "registry-1.docker.io"
        && (!Repository.Contains('/', StringComparison.Ordinal) || Repository.StartsWith("library/", StringComparison.Ordinal));

    public static ImageName Parse(string reference)
    {
        var digestAt = reference.IndexOf('@', StringComparison.Ordinal);
        var digest = digestAt >= 0 ? reference[(digestAt + 1)..] : null;
        var name = digestAt >= 0 ? reference[..digestAt] : reference;
        var lastSlash = name.LastIndexOf('/');
        var colon = name.IndexOf(':', lastSlash + 1);
        var tag = colon >= 0 ? name[(colon + 1)..] : null;
        var path = colon >= 0 ? name[..colon] : name;
        var firstSlash = path.IndexOf('/', StringComparison.Ordinal);
        if (firstSlash > 0)
        {
            var first = path[..firstSlash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                return new ImageName(first, path[(firstSlash + 1)..], tag, digest);
            }
        }
        return new ImageName(null, path, tag, digest);
    }
}
