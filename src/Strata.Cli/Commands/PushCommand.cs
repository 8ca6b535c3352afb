using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Images;
using Strata.Images.Output;
using Strata.Images.Registry;
using Strata.Images.Sources;

namespace Strata.Cli.Commands;

public sealed class PushSettings : ImageSettings
{
    [CommandArgument(1, "<DESTINATION>")]
    [Description("docker://REGISTRY/REPOSITORY[:TAG]")]
    public string Destination { get; init; } = "";
}

/// <summary>
/// <c>strata push SRC docker://REF</c>: blobs the registry has are skipped, blobs in another repository of the
/// same registry are mounted, the rest uploaded; the manifest goes last, once every blob is there.
/// </summary>
public sealed class PushCommand(CliContext context) : AsyncCommand<PushSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, PushSettings settings, CancellationToken cancellationToken)
    {
        if (!settings.Destination.StartsWith("docker://", StringComparison.Ordinal))
        {
            throw new StrataException($"DESTINATION '{settings.Destination}': expected docker://REGISTRY/REPOSITORY[:TAG]");
        }
        var destination = RegistryReference.Parse(settings.Destination);
        using var opened = await OpenedImage.OpenAsync(context, settings, cancellationToken);
        // A docker archive or engine image has no manifest of its own: its layers are gzipped for the registry, as skopeo does.
        using var gzipped = GzipForPush.Apply(PreparedImage.From(opened.Image), manifestIsOurs: opened.Image.Manifest is null);
        var prepared = gzipped.Image;
        using var client = new RegistryClient(RegistryAccessFactory.ClientOptions(context, settings));
        var mountFrom = opened.Reference.Transport == Transport.Registry && RegistryReference.Parse(opened.Reference.Location) is var source
            && source.Registry == destination.Registry ? source.Repository : null;

        var outcomes = new System.Collections.Concurrent.ConcurrentBag<RegistryClient.UploadOutcome>();
        await Parallel.ForEachAsync(prepared.Layers.Append(prepared.Config), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (blob, token) => outcomes.Add(await client.UploadBlobAsync(destination, blob.Descriptor, blob.Open, mountFrom, token)));
        var tag = destination.Digest?.ToString() ?? destination.Tag ?? "latest";
        if (destination.Digest is { } pinned && pinned != prepared.ManifestDigest)
        {
            throw new StrataException($"DESTINATION '{settings.Destination}': the image's manifest is {prepared.ManifestDigest}, not {pinned}");
        }
        await client.PutManifestAsync(destination, tag, prepared.Manifest, prepared.ManifestMediaType, cancellationToken);

        int Count(RegistryClient.UploadOutcome o) => outcomes.Count(x => x == o);
        context.Out.MarkupLine(
            $"Pushed {Markup.Escape(destination.ToString())} ({prepared.ManifestDigest}): " +
            $"{Count(RegistryClient.UploadOutcome.Uploaded) + Count(RegistryClient.UploadOutcome.UploadedInChunks)} blobs uploaded, " +
            $"{Count(RegistryClient.UploadOutcome.Mounted)} mounted, {Count(RegistryClient.UploadOutcome.AlreadyThere)} already there");
        return ExitCodes.Success;
    }
}
