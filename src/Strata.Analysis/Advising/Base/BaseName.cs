namespace Strata.Analysis.Advising.Base;

/// <summary>
/// The base image's official-image repository (<c>debian</c>) and tag, how it was found, and where it lives
/// (<c>docker.io/library/debian</c>, or the registry the label names), which is where its slim variant is looked up.
/// </summary>
public sealed record BaseName(string Repository, string? Tag, string How, string Location)
{
    public override string ToString() => Tag is null ? Repository : $"{Repository}:{Tag}";

    /// <summary>
    /// The base's name: the OCI <c>org.opencontainers.image.base.name</c> label when present; otherwise a guess from
    /// the version variables the official language images set (<c>PYTHON_VERSION</c>, <c>NODE_VERSION</c>,
    /// <c>GOLANG_VERSION</c>, <c>JAVA_VERSION</c>, inherited into every image built on them); otherwise from
    /// os-release (Debian, Ubuntu). Null when none says.
    /// </summary>
    public static BaseName? Find(string? label, IReadOnlyList<string> env, (string Id, string Version)? os)
    {
        if (label is not null && Parse(label) is { } named)
        {
            return named with { How = "the org.opencontainers.image.base.name label" };
        }
        var variables = env.Select(e => e.Split('=', 2)).Where(p => p.Length == 2).GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
        (string Variable, string Repository)[] languages =
            [("PYTHON_VERSION", "python"), ("NODE_VERSION", "node"), ("GOLANG_VERSION", "golang"), ("JAVA_VERSION", "eclipse-temurin")];
        foreach (var (variable, repository) in languages)
        {
            if (variables.TryGetValue(variable, out var version) && version.Length > 0)
            {
                return new BaseName(repository, MajorMinor(repository, version), $"guessed from {variable} in the environment", DockerHub + repository);
            }
        }
        if (os is { Id: "debian" or "ubuntu" } release)
        {
            return new BaseName(release.Id, release.Version.Length == 0 ? null : release.Version, "guessed from /etc/os-release", DockerHub + release.Id);
        }
        return null;
    }

    private const string DockerHub = "docker.io/library/";

    /// <summary>
    /// REGISTRY/PATH:TAG@DIGEST: the repository is the path's last part (docker.io/library/python and
    /// mirror.example/library/python are both python); a name without a registry is on Docker Hub.
    /// </summary>
    private static BaseName? Parse(string reference)
    {
        var withoutDigest = reference.Split('@')[0];
        var slash = withoutDigest.LastIndexOf('/');
        var colon = withoutDigest.LastIndexOf(':');
        var tag = colon > slash ? withoutDigest[(colon + 1)..] : null;
        var path = colon > slash ? withoutDigest[..colon] : withoutDigest;
        var parts = path.Split('/');
        if (parts.Any(p => p.Length == 0))
        {
            return null;
        }
        var hasRegistry = parts.Length > 1 && (parts[0].Contains('.', StringComparison.Ordinal) || parts[0].Contains(':', StringComparison.Ordinal) || parts[0] == "localhost");
        var location = hasRegistry ? path : parts.Length == 1 ? DockerHub + path : "docker.io/" + path;
        return new BaseName(parts[^1], tag, "", location);
    }

    /// <summary>3.12.1 → 3.12 for python; 20.11.0 → 20 for node; 1.22.3 → 1.22 for golang; jdk-21.0.2+13 → 21 for Java.</summary>
    private static string MajorMinor(string repository, string version)
    {
        var digits = new string(version.SkipWhile(c => !char.IsAsciiDigit(c)).ToArray());
        var parts = digits.Split('.', '+', '_', '-');
        var keep = repository is "python" or "golang" ? 2 : 1;
        return string.Join('.', parts.Take(keep).Where(p => p.Length > 0 && p.All(char.IsAsciiDigit)).DefaultIfEmpty(version));
    }
}
