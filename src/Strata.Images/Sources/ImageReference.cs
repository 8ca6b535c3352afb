namespace Strata.Images.Sources;

public enum Transport
{
    DockerArchive,
    Oci,
    OciArchive,
    DockerDaemon,
    Podman,
}

/// <summary>
/// The IMAGE argument, in skopeo's transport syntax (<c>oci:DIR[:TAG]</c>, <c>docker-archive:PATH[:NAME:TAG]</c>, …)
/// or as a plain path recognised by its content.
/// </summary>
public sealed record ImageReference(Transport Transport, string Location, string? Tag, string Original)
{
    public static ImageReference Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new StrataException("IMAGE: an image reference is required");
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? text[..colon] : "";
        var rest = colon > 0 ? text[(colon + 1)..] : text;
        switch (scheme)
        {
            case "docker-archive":
                rest = rest.StartsWith("//", StringComparison.Ordinal) ? rest[2..] : rest;
                return SplitPath(Transport.DockerArchive, rest, File.Exists, text);
            case "oci":
                return SplitPath(Transport.Oci, rest, Directory.Exists, text);
            case "oci-archive":
                return SplitPath(Transport.OciArchive, rest, File.Exists, text);
            case "docker-daemon":
                return new ImageReference(Transport.DockerDaemon, RequireName(rest, text), null, text);
            case "podman":
                return new ImageReference(Transport.Podman, RequireName(rest, text), null, text);
        }
        if (Directory.Exists(text))
        {
            return new ImageReference(Transport.Oci, text, null, text);
        }
        if (File.Exists(text))
        {
            return new ImageReference(Transport.DockerArchive, text, null, text) with { Transport = SniffArchive(text) };
        }
        throw new StrataException(
            $"IMAGE '{text}': no such file or folder, and no known transport " +
            "(docker-archive:, oci:, oci-archive:, docker-daemon:, podman:)");
    }

    /// <summary>A path may itself hold colons, so the longest prefix that exists is the path and the rest the tag.</summary>
    private static ImageReference SplitPath(Transport transport, string rest, Func<string, bool> exists, string original)
    {
        var parts = rest.Split(':');
        for (var take = parts.Length; take >= 1; take--)
        {
            var path = string.Join(':', parts[..take]);
            if (path.Length > 0 && exists(path))
            {
                var tag = take < parts.Length ? string.Join(':', parts[take..]) : null;
                return new ImageReference(transport, path, string.IsNullOrEmpty(tag) ? null : tag, original);
            }
        }
        throw new StrataException($"IMAGE '{original}': '{parts[0]}' does not exist");
    }

    private static string RequireName(string name, string original) =>
        string.IsNullOrWhiteSpace(name) ? throw new StrataException($"IMAGE '{original}': an image name is required") : name;

    /// <summary>A plain tar is a docker archive when it has manifest.json, else an OCI archive when it has oci-layout.</summary>
    private static Transport SniffArchive(string path)
    {
        using var container = new TarContainer(path);
        if (container.Exists("manifest.json"))
        {
            return Transport.DockerArchive;
        }
        if (container.Exists("oci-layout"))
        {
            return Transport.OciArchive;
        }
        throw new StrataException($"{path}: a tar archive, but neither a docker archive (no manifest.json) nor an OCI archive (no oci-layout)");
    }

    public override string ToString() => Original;
}
