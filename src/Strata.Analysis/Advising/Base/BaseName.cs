namespace Strata.Analysis.Advising.Base;

/// <summary>The base image's repository and tag, and how it was found.</summary>
public sealed record BaseName(string Repository, string? Tag, string How)
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
                return new BaseName(repository, MajorMinor(repository, version), $"guessed from {variable} in the environment");
            }
        }
        if (os is { Id: "debian" or "ubuntu" } release)
        {
            return new BaseName(release.Id, release.Version.Length == 0 ? null : release.Version, "guessed from /etc/os-release");
        }
        return null;
    }

    /// <summary>REGISTRY/REPOSITORY:TAG@DIGEST to its official-image repository (docker.io/library/python → python) and tag.</summary>
    private static BaseName? Parse(string reference)
    {
        var withoutDigest = reference.Split('@')[0];
        var slash = withoutDigest.LastIndexOf('/');
        var colon = withoutDigest.LastIndexOf(':');
        var tag = colon > slash ? withoutDigest[(colon + 1)..] : null;
        var path = colon > slash ? withoutDigest[..colon] : withoutDigest;
        foreach (var prefix in (string[])["docker.io/library/", "index.docker.io/library/", "library/"])
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                path = path[prefix.Length..];
            }
        }
        return path.Length == 0 ? null : new BaseName(path, tag, "");
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
