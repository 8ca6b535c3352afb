using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;

namespace Strata.TestKit;

/// <summary>
/// A private CNCF distribution registry (Debian's docker-registry, <c>docker-registry serve CONFIG</c>) on 127.0.0.1 at
/// a free port, open, behind htpasswd Basic auth, or behind a <see cref="TokenIssuer"/>; its config, storage and
/// auth files live in a fresh folder. Stopped and removed when disposed. Images go in with skopeo.
/// </summary>
public sealed class RegistryServer : IDisposable, IAsyncDisposable
{
    public const string DefaultUsername = "strata";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);
    private const int PortAttempts = 3;

    private readonly Process _process;
    private readonly LogTail _log;
    private readonly TextWriter _logFile;
    private bool _disposed;

    private RegistryServer(RegistryAuth auth, string folder, int port, Process process, LogTail log, TextWriter logFile,
        string? username, string? password, TokenIssuer? issuer)
    {
        Auth = auth;
        Folder = folder;
        Host = "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        BaseUri = new Uri($"http://{Host}/");
        _process = process;
        _log = log;
        _logFile = logFile;
        Username = username;
        Password = password;
        TokenIssuer = issuer;
    }

    public RegistryAuth Auth { get; }

    /// <summary>"127.0.0.1:PORT", as image references name the registry.</summary>
    public string Host { get; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUri { get; }

    /// <summary>The user that may push and pull; null for an open registry.</summary>
    public string? Username { get; }

    /// <summary>Its password, fresh for each server; null for an open registry.</summary>
    public string? Password { get; }

    /// <summary>"USER:PASSWORD", as skopeo's <c>--creds</c> takes them; null for an open registry.</summary>
    public string? Credentials => Username is null ? null : $"{Username}:{Password}";

    /// <summary>The token server, in <see cref="RegistryAuth.Token"/> mode; else null.</summary>
    public TokenIssuer? TokenIssuer { get; }

    /// <summary>The folder holding config.yml, registry.log, the storage and the auth files; deleted on dispose.</summary>
    public string Folder { get; }

    public string LogPath => Path.Combine(Folder, "registry.log");

    /// <summary>The last lines the registry logged, for failure messages.</summary>
    public string RecentLog => _log.ToString();

    public int ProcessId => _process.Id;

    /// <summary><c>oci:LAYOUT:TAG</c> for one of the shared fixture images (base, wasteful, multistage).</summary>
    public static string FixtureImage(string tag) => $"oci:{Fixtures.OciLayout}:{tag}";

    /// <summary>"docker://127.0.0.1:PORT/REPOSITORY:TAG", as skopeo names an image here.</summary>
    public string DockerReference(string repositoryAndTag) => $"docker://{Host}/{repositoryAndTag}";

    public static async Task<RegistryServer> StartAsync(RegistryAuth auth, CancellationToken cancellationToken = default) =>
        await StartAsync(auth, tokenLifetime: null, cancellationToken);

    /// <summary>Starts a registry; <paramref name="tokenLifetime"/> is the issuer's <c>expires_in</c> (300 s if null).</summary>
    public static async Task<RegistryServer> StartAsync(RegistryAuth auth, TimeSpan? tokenLifetime,
        CancellationToken cancellationToken = default)
    {
        var registry = ExternalTool.Find("docker-registry", "docker-registry");
        var folder = Directory.CreateTempSubdirectory("strata-registry-").FullName;
        TokenIssuer? issuer = null;
        try
        {
            const string username = DefaultUsername;
            var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            var authYaml = "";
            if (auth == RegistryAuth.Basic)
            {
                var htpasswd = Path.Combine(folder, "htpasswd");
                await Htpasswd.WriteAsync(htpasswd, username, password, cancellationToken);
                authYaml = RegistryConfig.Htpasswd(htpasswd);
            }
            else if (auth == RegistryAuth.Token)
            {
                issuer = TokenIssuer.Start(username, password, tokenLifetime);
                var bundle = Path.Combine(folder, "token-ca.pem");
                await File.WriteAllTextAsync(bundle, issuer.CertificatePem, cancellationToken);
                authYaml = RegistryConfig.Token(issuer, bundle);
            }
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort.Next();
                var config = Path.Combine(folder, "config.yml");
                await File.WriteAllTextAsync(config, RegistryConfig.Yaml(folder, port, authYaml), cancellationToken);
                var log = new LogTail(60);
                var logFile = TextWriter.Synchronized(
                    new StreamWriter(Path.Combine(folder, "registry.log"), append: true) { AutoFlush = true });
                var open = auth == RegistryAuth.Open;
                var server = new RegistryServer(auth, folder, port, Launch(registry, config, log, logFile), log, logFile,
                    open ? null : username, open ? null : password, issuer);
                try
                {
                    await server.WaitUntilAnsweringAsync(cancellationToken);
                    return server;
                }
                catch (PortTakenException) when (attempt < PortAttempts)
                {
                    server.Stop();
                }
                catch
                {
                    server.Stop();
                    throw;
                }
            }
        }
        catch
        {
            issuer?.Dispose();
            DeleteFolder(folder);
            throw;
        }
    }

    /// <summary>
    /// Pushes <paramref name="source"/> (any skopeo reference, such as <see cref="FixtureImage"/>) to
    /// REPOSITORY:TAG here, with the server's credentials when it has some; throws if skopeo fails.
    /// </summary>
    public async Task CopyWithSkopeoAsync(string source, string repositoryAndTag, CancellationToken cancellationToken = default)
    {
        List<string> arguments = ["--insecure-policy", "copy", "--dest-tls-verify=false"];
        arguments.AddRange(Credentials is null ? ["--dest-no-creds"] : ["--dest-creds", Credentials]);
        arguments.AddRange([source, DockerReference(repositoryAndTag)]);
        var result = await RunSkopeoAsync(arguments, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"skopeo could not copy {source} to {DockerReference(repositoryAndTag)}: {result}\nRegistry log:\n{_log}");
        }
    }

    /// <summary>Runs skopeo with exactly these arguments, away from any login the machine has.</summary>
    public Task<ToolResult> RunSkopeoAsync(params string[] arguments) => RunSkopeoAsync(arguments, CancellationToken.None);

    /// <summary>Runs skopeo with exactly these arguments, away from any login the machine has.</summary>
    public Task<ToolResult> RunSkopeoAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var skopeo = ExternalTool.Find("skopeo", "skopeo");
        // An auth file that does not exist: no credentials but those given on the command line.
        var environment = new Dictionary<string, string> { ["REGISTRY_AUTH_FILE"] = Path.Combine(Folder, "no-auth.json") };
        return ExternalTool.RunAsync(skopeo, arguments, environment, cancellationToken);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        Stop();
        TokenIssuer?.Dispose();
        DeleteFolder(Folder);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static Process Launch(string registry, string config, LogTail log, TextWriter logFile)
    {
        var start = new ProcessStartInfo(registry)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        // REGISTRY_* variables override the config file; none of the machine's may leak in.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("REGISTRY_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        var process = new Process { StartInfo = start };
        DataReceivedEventHandler record = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            log.Add(e.Data);
            try
            {
                logFile.WriteLine(e.Data);
            }
            catch (ObjectDisposedException)
            {
            }
        };
        process.OutputDataReceived += record;
        process.ErrorDataReceived += record;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = PingTimeout };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cancellationToken);
                var what = $"docker-registry exited with code {_process.ExitCode} before answering on {BaseUri}";
                throw RecentLog.Contains("address already in use", StringComparison.Ordinal)
                    ? new PortTakenException(Failure(what).Message)
                    : Failure(what);
            }
            if (await AnswersAsync(client, cancellationToken))
            {
                return;
            }
            if (clock.Elapsed > StartTimeout)
            {
                throw Failure($"docker-registry did not answer on {BaseUri} within {StartTimeout.TotalSeconds:0} s");
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>GET /v2/ answered: 200 when open, 401 behind auth.</summary>
    private async Task<bool> AnswersAsync(HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(BaseUri, "v2/"), cancellationToken);
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized;
        }
        catch (Exception e) when (e is HttpRequestException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    private InvalidOperationException Failure(string what) => new($"{what}. Last lines of its log:\n{_log}");

    private void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
        _process.Dispose();
        _logFile.Dispose();
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private sealed class PortTakenException(string message) : InvalidOperationException(message);
}
