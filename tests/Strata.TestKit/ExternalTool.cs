using System.Diagnostics;

namespace Strata.TestKit;

/// <summary>Finds and runs the Debian tools the registry tests use (skopeo, htpasswd, docker-registry).</summary>
internal static class ExternalTool
{
    private static readonly string[] SystemFolders = ["/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/bin", "/sbin"];

    /// <summary>The tool's full path, or an error telling which Debian package brings it (.ci/run installs it).</summary>
    public static string Find(string name, string package)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(SystemFolders)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"{name} not found (looked in PATH and /usr/bin): the registry tests need Debian's {package}; "
                + $"install it as .ci/run does: apt-get install -y {package}");
    }

    /// <summary>Runs the tool to its end with no input; killed if <paramref name="cancellationToken"/> fires first.</summary>
    public static async Task<ToolResult> RunAsync(
        string tool,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(tool)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"could not start {tool}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
        return new ToolResult(process.ExitCode, await output, await error);
    }
}
