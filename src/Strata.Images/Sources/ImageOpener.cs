namespace Strata.Images.Sources;

/// <summary>Where the engines are, as the caller's environment says.</summary>
public sealed record EngineEndpoints(Uri Docker, Uri Podman);

/// <summary>How to reach registries: the client (credentials, insecure hosts) and the blob cache.</summary>
public sealed record RegistryAccessContext(Registry.RegistryClient Client, Cache.BlobCache Cache);

/// <summary>Opens the image an IMAGE reference names, whatever its transport.</summary>
public static class ImageOpener
{
    public static async Task<ResolvedImage> OpenAsync(
        ImageReference reference,
        ImageSelector selector,
        EngineEndpoints engines,
        CancellationToken cancellationToken,
        RegistryAccessContext? registry = null)
    {
        var chosen = selector with { Tag = selector.Tag ?? reference.Tag };
        switch (reference.Transport)
        {
            case Transport.Oci:
                return OciLayoutReader.Resolve(new DirectoryContainer(reference.Location), chosen, reference.Original, null);
            case Transport.OciArchive:
            {
                var container = new TarContainer(reference.Location, reference.LocationName);
                return OciLayoutReader.Resolve(container, chosen, reference.Original, container);
            }
            case Transport.DockerArchive:
            {
                var container = new TarContainer(reference.Location, reference.LocationName);
                return DockerArchiveReader.Resolve(container, chosen, reference.Original, container);
            }
            case Transport.DockerDaemon:
                return await DockerEngineSource.ResolveAsync(engines.Docker, reference.Location, chosen, reference.Original, cancellationToken);
            case Transport.Podman:
                return await DockerEngineSource.ResolveAsync(engines.Podman, reference.Location, chosen, reference.Original, cancellationToken);
            case Transport.Registry:
                if (registry is null)
                {
                    throw new StrataException($"IMAGE '{reference}': registries are not available to this command");
                }
                return await Registry.RegistrySource.ResolveAsync(
                    registry.Client, registry.Cache, Registry.RegistryReference.Parse(reference.Location), selector, cancellationToken);
            default:
                throw new StrataException($"IMAGE '{reference}': unsupported transport {reference.Transport}");
        }
    }
}
