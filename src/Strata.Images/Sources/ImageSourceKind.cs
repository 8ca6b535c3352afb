namespace Strata.Images.Sources;

/// <summary>Where a bare reference is looked for, as Trivy's <c>--image-src</c> names them.</summary>
public enum ImageSourceKind
{
    Docker,
    Podman,
    Remote,
}
