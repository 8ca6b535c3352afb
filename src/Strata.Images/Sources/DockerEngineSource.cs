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
            using (var configuration = new DockerClientConfiguration(endpoint))
            using (var client = configuration.CreateClient())
            {
                Stream saved;
                try
                {
                    saved = await client.Images.SaveImageAsync(name, cancellationToken);
                }
                catch (DockerApiException e)
                {
                    throw new StrataException($"{display}: the engine at {endpoint} refused to save '{name}': {FirstLine(e.ResponseBody)}");
                }
                catch (Exception e) when (e is HttpRequestException or IOException or System.Net.Sockets.SocketException or TimeoutException)
                {
                    throw new StrataException($"{display}: cannot reach the engine at {endpoint}: {e.Message}");
                }
                await using (saved)
                await using (var output = new FileStream(spool.Path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    await saved.CopyToAsync(output, 1 << 16, cancellationToken);
                }
            }
            var container = new TarContainer(spool.Path);
            // A name without a tag saves every tag of that repository: pick the one asked for (latest by default).
            var tag = selector.Tag ?? name;
            return DockerArchiveReader.Resolve(container, selector with { Tag = tag }, display, spool);
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

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
