using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Cli.Rendering;
using Strata.Images;
using Strata.Images.Output;
using Strata.Images.Registry;
using Strata.Images.Sources;

namespace Strata.Cli.Commands;

public sealed class PushSettings : ImageSettings
{
    [CommandArgument(1, "<DESTINATION>")]
    [Description("The registry to push to: REGISTRY/REPOSITORY[[:TAG]], or docker://REGISTRY/REPOSITORY[[:TAG]]")]
    public string Destination { get; init; } = "";
}

/// <summary>
/// <c>strata push SRC REF</c> (or <c>docker://REF</c>): blobs the registry has are skipped, blobs in another repository of the
/// same registry are mounted, the rest uploaded; the manifest goes last, once every blob is there.
/// </summary>
public sealed class PushCommand(CliContext context) : AsyncCommand<PushSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, PushSettings settings, CancellationToken cancellationToken)
    {
        var destination = ParseDestination(settings.Destination);
        using var opened = await OpenedImage.OpenAsync(context, settings, cancellationToken);
        // A docker archive or engine image has no manifest of its own: its layers are gzipped for the registry, as skopeo does.
        using var gzipped = GzipForPush.Apply(PreparedImage.From(opened.Image), manifestIsOurs: opened.Image.Manifest is null);
        var prepared = gzipped.Image;
        var mountFrom = opened.Reference.Transport == Transport.Registry && RegistryReference.Parse(opened.Reference.Location) is var source
            && source.Registry == destination.Registry ? source.Repository : null;
        var counts = await RegistryPusher.PushAsync(context, settings, destination, $"DESTINATION '{settings.Destination}'", prepared, mountFrom, cancellationToken);
        if (settings.Quiet)
        {
            return ExitCodes.Success;
        }
        context.Out.MarkupLine(
            $"Pushed {TerminalText.Markup(destination.ToString())} ({prepared.ManifestDigest}): " +
            $"{counts.Uploaded} blobs uploaded, {counts.Mounted} mounted, {counts.AlreadyThere} already there");
        return ExitCodes.Success;
    }

    /// <summary>A registry reference, bare or with docker://; an image path or engine is not somewhere push writes.</summary>
    private static RegistryReference ParseDestination(string text)
    {
        var scheme = text.Split(':', 2)[0];
        if (scheme is "oci" or "oci-archive" or "docker-archive" or "docker-tar" or "docker-daemon" or "podman" || !RegistryReference.LooksLikeReference(text))
        {
            throw new StrataException(
                $"DESTINATION '{text}': push writes to a registry (REGISTRY/REPOSITORY[:TAG] or docker://REGISTRY/REPOSITORY[:TAG]); " +
                "to write an image layout or archive, use strata pull SRC DEST");
        }
        var reference = RegistryReference.Parse(text);
        RegistryHost.Validate(reference.Registry, text);
        return reference;
    }
}
