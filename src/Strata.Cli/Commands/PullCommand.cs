using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Cli.Rendering;
using Strata.Images;
using Strata.Images.Cache;
using Strata.Images.Output;
using Strata.Images.Sources;

namespace Strata.Cli.Commands;

public sealed class PullSettings : ImageSettings
{
    [CommandArgument(1, "[DESTINATION]")]
    [Description("Where to write the image, as skopeo copy takes it: oci:DIR[[:TAG]], oci-archive:PATH[[:TAG]] or docker-archive:PATH[[:NAME:TAG]]")]
    public string? Destination { get; init; }

    [CommandOption("-o|--output <TARGET>")]
    [Description("The same as DESTINATION")]
    public string? Output { get; init; }
}

/// <summary><c>strata pull REF DEST</c> (or <c>--output DEST</c>): fetches only the blobs the cache lacks, then writes the image.</summary>
public sealed class PullCommand(CliContext context) : AsyncCommand<PullSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext commandContext, PullSettings settings, CancellationToken cancellationToken)
    {
        var target = OutputTarget.Parse(Destination(settings), context.WorkingDirectory);
        using var opened = await OpenedImage.OpenAsync(context, settings, cancellationToken);
        var image = opened.Image;
        await FetchMissingLayersAsync(image, context.ErrorIsTerminal && !settings.Quiet, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var prepared = WithCachedFiles(PreparedImage.From(image), opened.Cache);
        var defaultTag = target.Kind == OutputKind.DockerArchive ? opened.DockerName : opened.Tag;
        ImageWriter.Write(prepared, target, defaultTag);
        var fetched = image.Layers.Count(l => l.Origin == LayerOrigin.Network);
        if (settings.Quiet)
        {
            return ExitCodes.Success;
        }
        context.Out.MarkupLine(
            $"Pulled {TerminalText.Markup(image.Name)} ({prepared.ManifestDigest}) to {TerminalText.Markup(target.Path)}: " +
            $"{image.Layers.Count} layers, {fetched} downloaded, {image.Layers.Count - fetched} from the cache");
        return ExitCodes.Success;
    }

    /// <summary>
    /// Points each cached layer at its cache file, which the writer hard-links into the output when both are on one
    /// file system; the layers this run just downloaded (and so verified) are not hashed a second time.
    /// </summary>
    private static PreparedImage WithCachedFiles(PreparedImage prepared, BlobCache? cache) => cache is null ? prepared : prepared with
    {
        Layers = prepared.Layers.Select(blob => cache.Contains(blob.Descriptor.Digest, blob.Descriptor.Size)
            ? blob with
            {
                LocalFile = cache.BlobPath(blob.Descriptor.Digest),
                Verified = cache.StoredHere(blob.Descriptor.Digest, blob.Descriptor.Size),
            }
            : blob).ToList(),
    };

    private static string Destination(PullSettings settings) => (settings.Destination, settings.Output) switch
    {
        ({ } argument, { } option) when argument != option =>
            throw new StrataException($"DESTINATION '{argument}' and --output '{option}' differ: give one of them"),
        ({ } argument, _) => argument,
        (null, { } option) => option,
        _ => throw new StrataException("DESTINATION: required, as in strata pull SRC oci:DIR[:TAG] (or oci-archive:PATH, docker-archive:PATH)"),
    };

    /// <summary>Downloads layers into the cache, several at once; each is verified before it is kept.</summary>
    private async Task FetchMissingLayersAsync(ResolvedImage image, bool showProgress, CancellationToken cancellationToken)
    {
        var missing = image.Layers.Where(l => l.Origin == LayerOrigin.Network).OrderByDescending(l => l.StoredSize).ToList();
        var byDigest = missing.Where(l => l.ExpectedDigest is not null).GroupBy(l => l.ExpectedDigest!.Value).ToDictionary(g => g.Key, g => g.First());
        var transfers = byDigest.Values.Select(l => new BlobTransfer(l.ExpectedDigest!.Value, l.StoredSize)).ToList();
        await BlobTransfers.RunAsync(context, showProgress, transfers, async (blob, report, token) =>
        {
            await using var stream = new ProgressReadStream(byDigest[blob.Digest].Open(), report, token);
            await stream.CopyToAsync(Stream.Null, 1 << 16, token);
        }, cancellationToken);
    }
}
