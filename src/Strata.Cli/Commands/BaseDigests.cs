using Strata.Images;
using Strata.Images.Model;
using Strata.Images.Sources;

namespace Strata.Cli.Commands;

/// <summary>For base-image-up-to-date with --online: the digests a base tag points to now (the index's and this platform's manifest's).</summary>
internal static class BaseDigests
{
    public static (IReadOnlyList<string>? Digests, string? Error) Resolve(CliContext context, PolicySettings settings, string reference, CancellationToken cancellationToken)
    {
        var registry = RegistryAccessFactory.Create(context, settings);
        try
        {
            var selector = new ImageSelector(Platform: settings.Platform is null ? null : Platform.Parse(settings.Platform));
            using var image = ImageOpener.OpenAsync(ImageReference.Parse("docker://" + reference), selector, ImageLoader.Engines(context), cancellationToken, registry)
                .GetAwaiter().GetResult();
            var digests = new[] { image.IndexDigest, image.ManifestDigest }.OfType<Digest>().Select(d => d.ToString()).Distinct(StringComparer.Ordinal).ToList();
            return digests.Count == 0 ? (null, "the registry gave no digest") : (digests, null);
        }
        catch (StrataException e)
        {
            return (null, e.Message);
        }
        finally
        {
            registry.Client.Dispose();
        }
    }
}
