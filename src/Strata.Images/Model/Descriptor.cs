namespace Strata.Images.Model;

/// <summary>An OCI content descriptor: what a blob is, its digest and its size.</summary>
public sealed record Descriptor(
    string MediaType,
    Digest Digest,
    long Size,
    Platform? Platform = null,
    IReadOnlyDictionary<string, string>? Annotations = null)
{
    public const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    public string? RefName => Annotations is not null && Annotations.TryGetValue(RefNameAnnotation, out var name) ? name : null;
}
