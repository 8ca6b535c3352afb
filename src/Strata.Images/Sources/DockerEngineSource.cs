using Docker.DotNet;

namespace Strata.Images.Sources;

/// <summary>
/// Reads an image out of a Docker engine (or podman's Docker-compatible socket) with the API's image save.
/// The save stream puts the manifest last, so it is spooled to a temporary archive and read from there.
/// </summary>
public static class DockerEngineSource
{
    public static async Task<ResolvedImage> ResolveAsync(
        Uri endpoint, string name, ImageSelector selector, string display, CancellationToken cancellationToken)
    {
        var spool = new TemporaryFile();
        try
        {
            var byId = ImageId.Matches(name);
            using (var configuration = new DockerClientConfiguration(endpoint))
            using (var client = configuration.CreateClient())
            {
                // An ID (full or short, as skopeo takes it) is resolved to the full one, so the save holds that one image.
                var saveName = byId ? await FullIdAsync(client, endpoint, name, display, cancellationToken) : name;
                Stream saved;
                try
                {
                    saved = await client.Images.SaveImageAsync(saveName, cancellationToken);
                }
                catch (DockerApiException e)
                {
                    throw new StrataException($"{display}: the engine at {endpoint} refused to save '{name}': {FirstLine(e.ResponseBody)}");
                }
                catch (Exception e) when (IsUnreachable(e))
                {
                    throw new StrataException($"{display}: cannot reach the engine at {endpoint}: {e.Message}");
                }
                await using (saved)
                await using (var output = new FileStream(spool.Path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    await saved.CopyToAsync(output, 1 << 16, cancellationToken);
                }
            }
            // The spool is an internal file: messages name the image as the user wrote it.
            var container = new TarContainer(spool.Path, display);
            // A name without a tag saves every tag of that repository: pick the one asked for (latest by default).
            var tag = byId ? null : selector.Tag ?? name;
            return DockerArchiveReader.Resolve(container, selector with { Tag = tag }, display, spool);
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    private static async Task<string> FullIdAsync(DockerClient client, Uri endpoint, string id, string display, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.Images.InspectImageAsync(id, cancellationToken)).ID;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new StrataException($"{display}: the engine at {endpoint} has no image with ID '{id}'");
        }
        catch (DockerApiException e)
        {
            throw new StrataException($"{display}: the engine at {endpoint} refused to look up '{id}': {FirstLine(e.ResponseBody)}");
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            throw new StrataException($"{display}: cannot reach the engine at {endpoint}: {e.Message}");
        }
    }

    internal static bool IsUnreachable(Exception e) =>
        e is HttpRequestException or IOException or System.Net.Sockets.SocketException or TimeoutException;

    public static Uri DockerEndpoint(string? dockerHost) =>
        new(string.IsNullOrEmpty(dockerHost) ? "unix:///var/run/docker.sock" : dockerHost);

    /// <summary>podman's socket: CONTAINER_HOST, else the rootless socket of this user, else the system one.</summary>
    public static Uri PodmanEndpoint(string? containerHost, string? runtimeDirectory)
    {
        if (!string.IsNullOrEmpty(containerHost))
        {
            return new Uri(containerHost);
        }
        if (!string.IsNullOrEmpty(runtimeDirectory))
        {
            var rootless = Path.Combine(runtimeDirectory, "podman", "podman.sock");
            if (File.Exists(rootless))
            {
                return new Uri("unix://" + rootless);
            }
        }
        return new Uri("unix:///run/podman/podman.sock");
    }

    private static string FirstLine(string? text) => (text ?? "").Split('\n')[0].Trim();
}
