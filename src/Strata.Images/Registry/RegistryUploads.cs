using System.Net;
using System.Net.Http.Headers;
using Strata.Images.Model;

namespace Strata.Images.Registry;

/// <summary>Pushing: blob uploads (mount, monolithic, chunked fallback) and manifests.</summary>
public sealed partial class RegistryClient
{
    private const int ChunkSize = 8 * 1024 * 1024;

    /// <summary>How a blob reached the registry.</summary>
    public enum UploadOutcome
    {
        AlreadyThere,
        Mounted,
        Uploaded,
        UploadedInChunks,
    }

    /// <summary>
    /// Puts one blob into <paramref name="reference"/>'s repository unless it is there: mounted from
    /// <paramref name="mountFrom"/>, or from another repository of the registry known to hold it, where the registry
    /// allows; else uploaded whole, else in chunks.
    /// </summary>
    public async Task<UploadOutcome> UploadBlobAsync(
        RegistryReference reference, Descriptor blob, Func<Stream> open, string? mountFrom, CancellationToken cancellationToken)
    {
        var outcome = await PlaceBlobAsync(reference, blob, open, mountFrom, cancellationToken);
        _locations.Remember(reference.Registry, reference.Repository, blob.Digest);
        return outcome;
    }

    private async Task<UploadOutcome> PlaceBlobAsync(
        RegistryReference reference, Descriptor blob, Func<Stream> open, string? mountFrom, CancellationToken cancellationToken)
    {
        if (await BlobExistsAsync(reference, blob.Digest, cancellationToken))
        {
            return UploadOutcome.AlreadyThere;
        }
        var what = $"{reference.Registry}/{reference.Repository}: upload of blob {blob.Digest}";
        var uploads = $"v2/{reference.Repository}/blobs/uploads/";
        var from = mountFrom is not null && mountFrom != reference.Repository
            ? mountFrom
            : _locations.Elsewhere(reference.Registry, reference.Repository, blob.Digest);
        if (from is not null && await TryMountAsync(reference, blob.Digest, from, uploads, what, cancellationToken))
        {
            return UploadOutcome.Mounted;
        }
        var location = await StartUploadAsync(reference, uploads, what, cancellationToken);
        using (var whole = await SendAsync(
            reference, RegistryAccess.Push, HttpMethod.Put, WithDigest(location, blob.Digest), null, what, cancellationToken,
            () => Content(open(), blob.Size), streaming: true))
        {
            if (whole.StatusCode == HttpStatusCode.Created)
            {
                return UploadOutcome.Uploaded;
            }
            if (whole.StatusCode is not (HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.MethodNotAllowed
                or HttpStatusCode.BadRequest or HttpStatusCode.RequestedRangeNotSatisfiable or HttpStatusCode.NotFound))
            {
                await EnsureSuccessAsync(whole, what, cancellationToken);
            }
        }
        await UploadInChunksAsync(reference, blob, open, uploads, what, cancellationToken);
        return UploadOutcome.UploadedInChunks;
    }

    /// <summary>
    /// Asks the registry to mount the blob from another repository. Anything short of 201 (no access there, the blob
    /// gone, a registry that does not mount) means: upload it instead.
    /// </summary>
    private async Task<bool> TryMountAsync(
        RegistryReference reference, Digest digest, string from, string uploads, string what, CancellationToken cancellationToken)
    {
        try
        {
            using var mount = await SendAsync(
                reference, RegistryAccess.Push, HttpMethod.Post,
                $"{uploads}?mount={Uri.EscapeDataString(digest.ToString())}&from={Uri.EscapeDataString(from)}",
                null, what, cancellationToken, extraScopes: [$"repository:{from}:pull"]);
            return mount.StatusCode == HttpStatusCode.Created;
        }
        catch (StrataException)
        {
            return false;
        }
    }

    public async Task PutManifestAsync(RegistryReference reference, string tagOrDigest, byte[] manifest, string mediaType, CancellationToken cancellationToken)
    {
        var what = $"{reference.Registry}/{reference.Repository}: manifest {tagOrDigest}";
        using var response = await SendAsync(
            reference, RegistryAccess.Push, HttpMethod.Put, $"v2/{reference.Repository}/manifests/{tagOrDigest}", null, what, cancellationToken,
            () =>
            {
                var content = new ByteArrayContent(manifest);
                content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                return content;
            });
        await EnsureSuccessAsync(response, what, cancellationToken);
    }

    private async Task UploadInChunksAsync(
        RegistryReference reference, Descriptor blob, Func<Stream> open, string uploads, string what, CancellationToken cancellationToken)
    {
        var location = await StartUploadAsync(reference, uploads, what, cancellationToken);
        await using var source = open();
        var buffer = new byte[ChunkSize];
        long offset = 0;
        while (offset < blob.Size)
        {
            var length = await source.ReadAtLeastAsync(buffer, (int)Math.Min(ChunkSize, blob.Size - offset), throwOnEndOfStream: false, cancellationToken);
            if (length == 0)
            {
                throw new StrataException($"{what}: the source ended after {offset} of {blob.Size} bytes");
            }
            var start = offset;
            var chunk = buffer.AsMemory(0, length).ToArray();
            using var response = await SendAsync(
                reference, RegistryAccess.Push, HttpMethod.Patch, location,
                request => request.Headers.TryAddWithoutValidation("Content-Range", $"{start}-{start + length - 1}"),
                what, cancellationToken,
                () =>
                {
                    var content = new ByteArrayContent(chunk);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                    return content;
                },
                streaming: true);
            await EnsureSuccessAsync(response, what, cancellationToken);
            location = NextLocation(response, location, what);
            offset += length;
        }
        using var close = await SendAsync(reference, RegistryAccess.Push, HttpMethod.Put, WithDigest(location, blob.Digest), null, what, cancellationToken,
            () => new ByteArrayContent([]));
        await EnsureSuccessAsync(close, what, cancellationToken);
    }

    private async Task<string> StartUploadAsync(RegistryReference reference, string uploads, string what, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(reference, RegistryAccess.Push, HttpMethod.Post, uploads, null, what, cancellationToken,
            () => new ByteArrayContent([]));
        await EnsureSuccessAsync(response, what, cancellationToken);
        return NextLocation(response, null, what);
    }

    private static string NextLocation(HttpResponseMessage response, string? current, string what)
    {
        var location = response.Headers.Location;
        if (location is null)
        {
            return current ?? throw new StrataException($"{what}: the registry gave no upload location");
        }
        var requestUri = response.RequestMessage?.RequestUri;
        if (requestUri is null)
        {
            return location.IsAbsoluteUri ? RegistryUrls.RequireHttp(location, what, "upload Location").ToString() : location.ToString().TrimStart('/');
        }
        return RegistryUrls.Resolve(requestUri, location, what, "upload Location").ToString();
    }

    private static string WithDigest(string location, Digest digest) =>
        location + (location.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "digest=" + Uri.EscapeDataString(digest.ToString());

    private static StreamContent Content(Stream stream, long size)
    {
        var content = new StreamContent(stream, 1 << 16);
        content.Headers.ContentLength = size;
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
