namespace Strata.Analysis.Base;

/// <summary>
/// Which of an image's first layers came from its base image, and what the image says its base is.
/// </summary>
/// <param name="Layers">How many of the first layers are the base's; null when no base could be told.</param>
/// <param name="Name">The base's name, from the <c>org.opencontainers.image.base.name</c> label.</param>
/// <param name="Digest">The base's manifest digest, from the <c>org.opencontainers.image.base.digest</c> label.</param>
/// <param name="Source">How it was found: <c>labels</c>, <c>history</c> or <c>--base-layers</c>; null when it was not.</param>
/// <param name="Reason">Why no layer count could be told, when <paramref name="Layers"/> is null.</param>
public sealed record BaseImage(int? Layers, string? Name, string? Digest, string? Source, string? Reason)
{
    public static BaseImage None(string reason) => new(null, null, null, null, reason);

    /// <summary>Whether the layer at <paramref name="index"/> (0 is the first) is one of the base's.</summary>
    public bool Contains(int index) => Layers is { } count && index >= 0 && index < count;
}
