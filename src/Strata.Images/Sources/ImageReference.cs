namespace Strata.Images.Sources;

public enum Transport
{
    DockerArchive,
    Oci,
    OciArchive,
    DockerDaemon,
    Podman,
    Registry,
}

/// <summary>
/// The IMAGE argument, in skopeo's transport syntax (<c>oci:DIR[:TAG]</c>, <c>docker-archive:PATH[:NAME:TAG]</c>, …)
/// or as a plain path recognised by its content; anything else is a registry reference (<c>nginx:1.27</c>).
/// Relative paths are taken from <c>workingDirectory</c> (the caller's, not the process's).
/// </summary>
public sealed record ImageReference(Transport Transport, string Location, string? Tag, string Original)
{
    /// <summary>What messages call <see cref="Location"/> when it is an internal file (standard input spooled to disk).</summary>
    public string? LocationName { get; init; }

    /// <summary>A registry reference written without <c>docker://</c>, which <c>--image-src</c> may find in an engine first.</summary>
    public bool IsBareRegistryReference => Transport == Transport.Registry && !Original.StartsWith("docker://", StringComparison.Ordinal);

    public static ImageReference Parse(string text, string? workingDirectory = null)
    {
        string Full(string path) => workingDirectory is null || Path.IsPathRooted(path) ? path : Path.Combine(workingDirectory, path);

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
            case "docker-tar":
                rest = rest.StartsWith("//", StringComparison.Ordinal) ? rest[2..] : rest;
                return SplitPath(Transport.DockerArchive, rest, p => File.Exists(Full(p)), text, Full);
            case "oci":
                return SplitPath(Transport.Oci, rest, p => Directory.Exists(Full(p)), text, Full);
            case "oci-archive":
                return SplitPath(Transport.OciArchive, rest, p => File.Exists(Full(p)), text, Full);
            case "docker-daemon":
                return new ImageReference(Transport.DockerDaemon, RequireName(rest, text), null, text);
            case "podman":
                return new ImageReference(Transport.Podman, RequireName(rest.StartsWith("//", StringComparison.Ordinal) ? rest[2..] : rest, text), null, text);
            case "docker":
                return RegistryImage(text);
        }
        var path = Full(text);
        if (Directory.Exists(path))
        {
            return new ImageReference(Transport.Oci, path, null, text);
        }
        if (File.Exists(path))
        {
            return new ImageReference(SniffArchive(path), path, null, text);
        }
        if (!Registry.RegistryReference.LooksLikeReference(text))
        {
            throw new StrataException(
                $"IMAGE '{text}': no such file or folder, and no known transport " +
                "(docker://, docker-archive:, oci:, oci-archive:, docker-daemon:, podman:)");
        }
        return RegistryImage(text);
    }

    private static ImageReference RegistryImage(string text)
    {
        var reference = Registry.RegistryReference.Parse(text);
        RegistryHost.Validate(reference.Registry, text);
        return new ImageReference(Transport.Registry, reference.ToString(), null, text);
    }

    /// <summary>A path may itself hold colons, so the longest prefix that exists is the path and the rest the tag.</summary>
    private static ImageReference SplitPath(Transport transport, string rest, Func<string, bool> exists, string original, Func<string, string> full)
    {
        var parts = rest.Split(':');
        for (var take = parts.Length; take >= 1; take--)
        {
            var path = string.Join(':', parts[..take]);
            if (path.Length > 0 && exists(path))
            {
                var tag = take < parts.Length ? string.Join(':', parts[take..]) : null;
                return new ImageReference(transport, full(path), string.IsNullOrEmpty(tag) ? null : tag, original);
            }
        }
        throw new StrataException($"IMAGE '{original}': '{parts[0]}' does not exist");
    }

    private static string RequireName(string name, string original) =>
        string.IsNullOrWhiteSpace(name) ? throw new StrataException($"IMAGE '{original}': an image name is required") : name;

    /// <summary>A plain tar is a docker archive when it has manifest.json, else an OCI archive when it has oci-layout.</summary>
    internal static Transport SniffArchive(string path, string? name = null)
    {
        using var container = new TarContainer(path, name);
        if (container.Exists("manifest.json"))
        {
            return Transport.DockerArchive;
        }
        if (container.Exists("oci-layout"))
        {
            return Transport.OciArchive;
        }
        throw new StrataException($"{container.Name}: a tar archive, but neither a docker archive (no manifest.json) nor an OCI archive (no oci-layout)");
    }

    public override string ToString() => Original;
}
