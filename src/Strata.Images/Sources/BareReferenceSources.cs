namespace Strata.Images.Sources;

/// <summary>Where a bare reference was found, and how to say so.</summary>
public sealed record ChosenSource(ImageReference Reference, string Description);

/// <summary>
/// Looks a bare reference (<c>myapp:latest</c>, no transport) up in the sources <c>--image-src</c> names, in order,
/// as Trivy does: an engine is asked only when it answers, and the registry (remote) is taken without asking.
/// </summary>
public static class BareReferenceSources
{
    public static async Task<ChosenSource> ChooseAsync(
        ImageReference reference, IReadOnlyList<ImageSourceKind> order, EngineEndpoints engines, CancellationToken cancellationToken)
    {
        var name = reference.Original;
        foreach (var source in order)
        {
            switch (source)
            {
                case ImageSourceKind.Docker when await EngineLookup.HasImageAsync(engines.Docker, name, cancellationToken):
                    return new ChosenSource(
                        new ImageReference(Transport.DockerDaemon, name, null, "docker-daemon:" + name),
                        $"the Docker engine at {engines.Docker}");
                case ImageSourceKind.Podman when await EngineLookup.HasImageAsync(engines.Podman, name, cancellationToken):
                    return new ChosenSource(
                        new ImageReference(Transport.Podman, name, null, "podman:" + name),
                        $"podman at {engines.Podman}");
                case ImageSourceKind.Remote:
                    return new ChosenSource(reference, $"the registry {Registry.RegistryReference.Parse(reference.Location).Registry}");
            }
        }
        var looked = string.Join(", ", order.Select(s => s switch
        {
            ImageSourceKind.Docker => $"the Docker engine at {engines.Docker}",
            ImageSourceKind.Podman => $"podman at {engines.Podman}",
            _ => "the registry",
        }));
        throw new StrataException($"IMAGE '{name}': not found in {looked} (--image-src {string.Join(',', order).ToLowerInvariant()})");
    }
}
