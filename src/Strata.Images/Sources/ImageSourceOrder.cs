namespace Strata.Images.Sources;

public static class ImageSourceOrder
{
    public const string Default = "docker,podman,remote";

    /// <summary>Parses a comma-separated list such as <c>docker,remote</c>; <paramref name="option"/> names it in errors.</summary>
    public static IReadOnlyList<ImageSourceKind> Parse(string text, string option)
    {
        var result = new List<ImageSourceKind>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            ImageSourceKind kind = part switch
            {
                "docker" => ImageSourceKind.Docker,
                "podman" => ImageSourceKind.Podman,
                "remote" => ImageSourceKind.Remote,
                _ => throw new StrataException($"{option}: '{part}' is not a source (docker, podman, remote)"),
            };
            if (!result.Contains(kind))
            {
                result.Add(kind);
            }
        }
        return result;
    }
}
