using Strata.Images;
using Strata.Images.Sources;

namespace Strata.Cli.Commands;

/// <summary>A reference ready to open, and what must be disposed with the image (standard input spooled to disk).</summary>
internal sealed record ResolvedReference(ImageReference Reference, IDisposable? Owned);

/// <summary>
/// Turns IMAGE and its options into the reference to open: dive's <c>--source</c>, <c>-</c> for standard input,
/// and for a bare reference the first of the <c>--image-src</c> sources that has it, said on standard error.
/// </summary>
internal static class ImageReferenceResolver
{
    public static async Task<ResolvedReference> ResolveAsync(CliContext context, ImageSettings settings, CancellationToken cancellationToken)
    {
        var text = settings.Source is { } source ? WithDiveSource(source, settings.Image) : settings.Image;
        if (text is "-" or "/dev/stdin")
        {
            await using var input = context.OpenStandardInputBytes();
            var spool = await SpooledArchive.FromAsync(input, "standard input", cancellationToken);
            return new ResolvedReference(spool.Reference, spool);
        }
        var reference = ImageReference.Parse(text, context.WorkingDirectory);
        if (!reference.IsBareRegistryReference)
        {
            return new ResolvedReference(reference, null);
        }
        var order = ImageSourceOrder.Parse(settings.ImageSources ?? ImageSourceOrder.Default, "--image-src");
        var chosen = await BareReferenceSources.ChooseAsync(reference, order, ImageLoader.Engines(context), cancellationToken);
        if (!settings.Quiet)
        {
            context.Notes.Enqueue($"strata: {reference.Original}: from {chosen.Description}");
        }
        return new ResolvedReference(chosen.Reference, null);
    }

    /// <summary>dive's <c>--source</c>: the engine, podman, or an archive; dive's <c>docker://</c> means the engine there.</summary>
    private static string WithDiveSource(string source, string image)
    {
        static string Strip(string text, params string[] prefixes) =>
            prefixes.FirstOrDefault(p => text.StartsWith(p, StringComparison.Ordinal)) is { } p ? text[p.Length..] : text;

        return source switch
        {
            "docker" => "docker-daemon:" + Strip(image, "docker://", "docker-daemon:"),
            "podman" => "podman:" + Strip(image, "podman://", "podman:"),
            "docker-archive" => "docker-archive:" + Strip(image, "docker-archive://", "docker-archive:", "docker-tar://"),
            _ => throw new StrataException($"--source: '{source}' is not a source (docker, podman, docker-archive)"),
        };
    }
}
