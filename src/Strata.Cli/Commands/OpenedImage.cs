using Strata.Images.Cache;
using Strata.Images.Model;
using Strata.Images.Registry;
using Strata.Images.Sources;

namespace Strata.Cli.Commands;

/// <summary>An image opened for a command, with the registry client it may need kept alive alongside.</summary>
internal sealed class OpenedImage : IDisposable
{
    private readonly RegistryClient? _client;
    private readonly IDisposable? _owned;

    private OpenedImage(ResolvedImage image, ImageReference reference, RegistryAccessContext? registry, IDisposable? owned)
    {
        Image = image;
        Reference = reference;
        _owned = owned;
        _client = registry?.Client;
        Cache = registry?.Cache;
    }

    public ResolvedImage Image { get; }

    /// <summary>The blob cache a registry image's layers go through; null for other transports.</summary>
    public BlobCache? Cache { get; }

    public ImageReference Reference { get; }

    /// <summary>The tag the reference names, if any (for an output layout's ref.name).</summary>
    public string? Tag => Reference.Transport == Transport.Registry ? RegistryReference.Parse(Reference.Location).Tag : Reference.Tag;

    /// <summary>NAME:TAG as <c>docker load</c> will tag it.</summary>
    public string? DockerName => Reference.Transport == Transport.Registry
        ? RegistryReference.Parse(Reference.Location) is { Tag: { } tag } r ? $"{r.Registry}/{r.Repository}:{tag}" : null
        : Reference.Tag;

    public static async Task<OpenedImage> OpenAsync(CliContext context, ImageSettings settings, CancellationToken cancellationToken)
    {
        var (reference, owned) = await ImageReferenceResolver.ResolveAsync(context, settings, cancellationToken);
        var selector = new ImageSelector(Platform: settings.Platform is null ? null : Platform.Parse(settings.Platform));
        var registry = reference.Transport == Transport.Registry ? RegistryAccessFactory.Create(context, settings) : null;
        try
        {
            var image = await ImageOpener.OpenAsync(reference, selector, ImageLoader.Engines(context), cancellationToken, registry);
            return new OpenedImage(image, reference, registry, owned);
        }
        catch
        {
            registry?.Client.Dispose();
            owned?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Image.Dispose();
        _client?.Dispose();
        _owned?.Dispose();
    }
}
