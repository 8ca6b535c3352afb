using Strata.Images;
using Strata.Images.Output;
using Strata.Images.Registry;

namespace Strata.Cli.Commands;

/// <summary>How many blobs a push uploaded, mounted from another repository, or found there already.</summary>
internal sealed record PushCounts(int Uploaded, int Mounted, int AlreadyThere);

/// <summary>
/// Pushes a prepared image: blobs the registry has are skipped, blobs in <c>mountFrom</c> of the same registry are
/// mounted, the rest uploaded; the manifest goes last, once every blob is there. <c>destinationArgument</c>
/// names the argument in errors, as in <c>DEST 'host/app:v1'</c>.
/// </summary>
internal static class RegistryPusher
{
    public static async Task<PushCounts> PushAsync(
        CliContext context, ImageSettings settings, RegistryReference destination, string destinationArgument, PreparedImage prepared,
        string? mountFrom, CancellationToken cancellationToken)
    {
        using var client = new RegistryClient(RegistryAccessFactory.ClientOptions(context, settings));
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<RegistryClient.UploadOutcome>();
        var blobs = prepared.Layers.Append(prepared.Config).GroupBy(b => b.Descriptor.Digest).ToDictionary(g => g.Key, g => g.First());
        var transfers = blobs.Values.Select(b => new BlobTransfer(b.Descriptor.Digest, b.Descriptor.Size)).ToList();
        await BlobTransfers.RunAsync(context, context.ErrorIsTerminal && !settings.Quiet, transfers, async (transfer, report, token) =>
        {
            var blob = blobs[transfer.Digest];
            outcomes.Add(await client.UploadBlobAsync(
                destination, blob.Descriptor, () => new ProgressReadStream(blob.Open(), report, token), mountFrom, token));
        }, cancellationToken);
        var tag = destination.Digest?.ToString() ?? destination.Tag ?? "latest";
        if (destination.Digest is { } pinned && pinned != prepared.ManifestDigest)
        {
            throw new StrataException($"{destinationArgument}: the image's manifest is {prepared.ManifestDigest}, not {pinned}");
        }
        await client.PutManifestAsync(destination, tag, prepared.Manifest, prepared.ManifestMediaType, cancellationToken);

        int Count(RegistryClient.UploadOutcome o) => outcomes.Count(x => x == o);
        return new PushCounts(
            Count(RegistryClient.UploadOutcome.Uploaded) + Count(RegistryClient.UploadOutcome.UploadedInChunks),
            Count(RegistryClient.UploadOutcome.Mounted),
            Count(RegistryClient.UploadOutcome.AlreadyThere));
    }
}
