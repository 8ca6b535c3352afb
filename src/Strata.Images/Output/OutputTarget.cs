namespace Strata.Images.Output;

public enum OutputKind
{
    OciLayout,
    OciArchive,
    DockerArchive,
}

/// <summary>Where <c>strata pull --output</c> writes: <c>oci:DIR[:TAG]</c>, <c>oci-archive:PATH[:TAG]</c>, <c>docker-archive:PATH[:NAME:TAG]</c>.</summary>
public sealed record OutputTarget(OutputKind Kind, string Path, string? Tag)
{
    public static OutputTarget Parse(string text, string workingDirectory)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? text[..colon] : "";
        var kind = scheme switch
        {
            "oci" => OutputKind.OciLayout,
            "oci-archive" => OutputKind.OciArchive,
            "docker-archive" => OutputKind.DockerArchive,
            _ => throw new StrataException($"--output '{text}': expected oci:DIR[:TAG], oci-archive:PATH[:TAG] or docker-archive:PATH[:NAME:TAG]"),
        };
        var rest = text[(colon + 1)..];
        // The path ends at the first colon: a tag may hold colons (NAME:TAG), a path written here should not.
        var split = rest.IndexOf(':', StringComparison.Ordinal);
        var path = split < 0 ? rest : rest[..split];
        var tag = split < 0 ? null : rest[(split + 1)..];
        if (path.Length == 0)
        {
            throw new StrataException($"--output '{text}': a path is required");
        }
        return new OutputTarget(kind, System.IO.Path.GetFullPath(System.IO.Path.Combine(workingDirectory, path)), string.IsNullOrEmpty(tag) ? null : tag);
    }
}
