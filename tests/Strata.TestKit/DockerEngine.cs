using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Strata.TestKit;

/// <summary>
/// A private Docker engine: Debian's dockerd, run as root with vfs storage and no networking, with its socket, its
/// data and the containerd it starts for itself in a fresh folder. Stopped and removed when disposed.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class DockerEngine : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private readonly string _folder;
    private readonly Process _process;
    private readonly LogTail _log;
    private readonly DockerClientConfiguration _configuration;
    private readonly DockerClient _client;
    private bool _disposed;

    private DockerEngine(string folder, Process process, LogTail log)
    {
        _folder = folder;
        _process = process;
        _log = log;
        Endpoint = new Uri("unix://" + Path.Combine(folder, "docker.sock"));
        _configuration = new DockerClientConfiguration(Endpoint);
        _client = _configuration.CreateClient();
    }

    /// <summary>The engine's socket, as DOCKER_HOST names it.</summary>
    public Uri Endpoint { get; }

    public static async Task<DockerEngine> StartAsync(CancellationToken cancellationToken = default)
    {
        var dockerd = FindDockerd();
        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException(
                "The Docker engine tests start their own dockerd, which needs root: run them as root, as CI does with .ci/run.");
        }
        var folder = CreateFolder();
        var log = new LogTail(60);
        DockerEngine? engine = null;
        try
        {
            engine = new DockerEngine(folder, Launch(dockerd, folder, log), log);
            await engine.WaitUntilAnsweringAsync(cancellationToken);
            return engine;
        }
        catch
        {
            if (engine is null)
            {
                EngineFolder.Delete(folder);
            }
            else
            {
                await engine.DisposeAsync();
            }
            throw;
        }
    }

    /// <summary>Loads a <c>docker save</c> archive; returns what the engine reported (<c>Loaded image: NAME:TAG</c>).</summary>
    public async Task<IReadOnlyList<string>> LoadImageAsync(string archive, CancellationToken cancellationToken = default)
    {
        var messages = new MessageList();
        await using (var input = File.OpenRead(archive))
        {
            await _client.Images.LoadImageAsync(new ImageLoadParameters { Quiet = true }, input, messages, cancellationToken);
        }
        var errors = messages.Items
            .Select(m => m.Error?.Message ?? m.ErrorMessage)
            .Where(e => !string.IsNullOrEmpty(e))
            .ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"dockerd could not load {archive}: {string.Join("; ", errors)}");
        }
        return messages.Items.Select(m => m.Stream?.Trim()).OfType<string>().Where(s => s.Length > 0).ToList();
    }

    /// <summary>
    /// The file system of a container made from <paramref name="image"/> (created, never started), as <c>docker
    /// export</c> gives it: a tar.
    /// </summary>
    public async Task<byte[]> ExportAsync(string image, CancellationToken cancellationToken = default)
    {
        var created = await _client.Containers.CreateContainerAsync(
            new CreateContainerParameters { Image = image, Cmd = ["/nonexistent"] }, cancellationToken);
        try
        {
            await using var export = await _client.Containers.ExportContainerAsync(created.ID, cancellationToken);
            using var copy = new MemoryStream();
            await export.CopyToAsync(copy, cancellationToken);
            return copy.ToArray();
        }
        finally
        {
            await _client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
    }

    /// <summary>The rows <c>docker history</c> shows for an image.</summary>
    public async Task<int> HistoryRowsAsync(string image, CancellationToken cancellationToken = default) =>
        (await _client.Images.GetImageHistoryAsync(image, cancellationToken)).Count;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _client.Dispose();
        _configuration.Dispose();
        await StopAsync();
        _process.Dispose();
        EngineFolder.Delete(_folder);
    }

    private static string FindDockerd()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var candidates = path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"])
            .Select(folder => Path.Combine(folder, "dockerd"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "dockerd not found (looked in PATH and /usr/sbin): the Docker engine tests need Debian's docker.io; "
                + "install it as .ci/run does: apt-get install -y docker.io");
    }

    /// <summary>In /tmp rather than $TMPDIR: unix socket paths are limited to 108 bytes and containerd nests its own.</summary>
    private static string CreateFolder()
    {
        var folder = Path.Combine("/tmp", "strata-dockerd-" + Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal));
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // A configuration of its own: the host's daemon.json does not apply, and the daemon's identity key lands
        // here rather than in /etc/docker.
        File.WriteAllText(Path.Combine(folder, "daemon.json"), $$"""{ "deprecated-key-path": "{{folder}}/key.json" }""");
        return folder;
    }

    private static Process Launch(string dockerd, string folder, LogTail log)
    {
        var start = new ProcessStartInfo(dockerd)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "--config-file", Path.Combine(folder, "daemon.json"),
            "--host", "unix://" + Path.Combine(folder, "docker.sock"),
            "--data-root", Path.Combine(folder, "data"),
            "--exec-root", Path.Combine(folder, "exec"),
            "--pidfile", Path.Combine(folder, "docker.pid"),
            "--storage-driver=vfs",
            "--iptables=false",
            "--ip6tables=false",
            "--bridge=none",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var socket = Endpoint.AbsolutePath;
        while (true)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw Failure($"dockerd exited with code {_process.ExitCode} before answering on {Endpoint}");
            }
            if (File.Exists(socket) && await AnswersAsync(cancellationToken))
            {
                return;
            }
            if (clock.Elapsed > StartTimeout)
            {
                throw Failure($"dockerd did not answer on {Endpoint} within {StartTimeout.TotalSeconds:0} s");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PingTimeout);
        try
        {
            await _client.System.PingAsync(timeout.Token);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException or DockerApiException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    private InvalidOperationException Failure(string what) =>
        new($"{what}. Last lines of its log:\n{_log}");

    /// <summary>SIGTERM lets dockerd stop its containerd and unmount its data root; SIGKILL is the fallback.</summary>
    private async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Collects the engine's messages as they come, on the reading thread.</summary>
    private sealed class MessageList : IProgress<JSONMessage>
    {
        private readonly List<JSONMessage> _items = [];

        public IReadOnlyList<JSONMessage> Items
        {
            get
            {
                lock (_items)
                {
                    return [.. _items];
                }
            }
        }

        public void Report(JSONMessage value)
        {
            lock (_items)
            {
                _items.Add(value);
            }
        }
    }
}
