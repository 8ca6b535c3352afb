namespace Strata.Images.Sources;

/// <summary>Where the engines are, as the caller's environment says.</summary>
public sealed record EngineEndpoints(Uri Docker, Uri Podman);

/// <summary>Opens the image an IMAGE reference names, whatever its transport.</summary>
public static class ImageOpener
{
    public static async Task<ResolvedImage> OpenAsync(
        ImageReference reference, ImageSelector selector, EngineEndpoints engines, CancellationToken cancellationToken)
    {
        var chosen = selector with { Tag = selector.Tag ?? reference.Tag };
        switch (reference.Transport)
        {
            case Transport.Oci:
                return OciLayoutReader.Resolve(new DirectoryContainer(reference.Location), chosen, reference.Original, null);
            case Transport.OciArchive:
            {
                var container = new TarContainer(reference.Location);
                return OciLayoutReader.Resolve(container, chosen, reference.Original, container);
            }
            case Transport.DockerArchive:
            {
                var container = new TarContainer(reference.Location);
                return DockerArchiveReader.Resolve(container, chosen, reference.Original, container);
            }
            case Transport.DockerDaemon:
                return await DockerEngineSource.ResolveAsync(engines.Docker, reference.Location, chosen, reference.Original, cancellationToken);
            case Transport.Podman:
                return await DockerEngineSource.ResolveAsync(engines.Podman, reference.Location, chosen, reference.Original, cancellationToken);
            default:
                throw new StrataException($"IMAGE '{reference}': unsupported transport {reference.Transport}");
        }
    }
}
