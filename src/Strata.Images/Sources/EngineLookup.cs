using Docker.DotNet;

namespace Strata.Images.Sources;

/// <summary>
/// Whether an engine (Docker's, or podman's Docker-compatible socket) holds an image, asked without delaying a
/// caller who has no engine: an absent socket is skipped at once, and a silent one after a short ping.
/// </summary>
public static class EngineLookup
{
    public static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);

    public static async Task<bool> HasImageAsync(Uri endpoint, string name, CancellationToken cancellationToken)
    {
        if (endpoint.Scheme == "unix" && !File.Exists(endpoint.LocalPath))
        {
            return false;
        }
        using var configuration = new DockerClientConfiguration(endpoint, defaultTimeout: PingTimeout);
        using var client = configuration.CreateClient();
        using (var ping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            ping.CancelAfter(PingTimeout);
            try
            {
                await client.System.PingAsync(ping.Token);
            }
            catch (Exception e) when (e is DockerApiException || DockerEngineSource.IsUnreachable(e)
                || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return false;
            }
        }
        try
        {
            await client.Images.InspectImageAsync(name, cancellationToken);
            return true;
        }
        catch (DockerApiException)
        {
            // Not there (404), or a name the engine will not take: either way the next source is asked.
            return false;
        }
        catch (Exception e) when (DockerEngineSource.IsUnreachable(e))
        {
            return false;
        }
    }
}
